using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace HaloAgent.Engine.Templates;

/// <summary>
/// Renders into a writer that keeps count: Handlebars.Net has no cancellation, so the writer is where a render is
/// stopped when it has run past its time or written past its length.
/// </summary>
public static class BoundedRender
{
    public static string Render(Action<TextWriter, object?> render, object? data, EngineLimits limits)
    {
        using var writer = new BudgetWriter(limits);
        try
        {
            render(writer, data);
        }
        catch (Exception ex) when (ex is not TemplateBudgetException && Find(ex) is { } budget)
        {
            throw budget; // Handlebars may wrap what the writer threw
        }

        writer.CheckTime();
        return writer.ToString();
    }

    private static TemplateBudgetException? Find(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is TemplateBudgetException budget)
            {
                return budget;
            }
        }

        return null;
    }

    private sealed class BudgetWriter(EngineLimits limits) : TextWriter(CultureInfo.InvariantCulture)
    {
        private readonly StringBuilder _text = new();
        private readonly long _started = Stopwatch.GetTimestamp();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            Check(1);
            _text.Append(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            _text.Append(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            _text.Append(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Check(buffer.Length);
            _text.Append(buffer);
        }

        public override string ToString() => _text.ToString();

        public void CheckTime()
        {
            if (Stopwatch.GetElapsedTime(_started) > limits.RenderTimeout)
            {
                throw new TemplateBudgetException(
                    $"Rendering the template took longer than {limits.RenderTimeout.TotalSeconds:0.###}s (HaloAgent:Engine:Limits:RenderTimeout) and was stopped.");
            }
        }

        private void Check(int adding)
        {
            if (_text.Length + adding > limits.MaxRenderedLength)
            {
                throw new TemplateBudgetException(
                    $"Rendering the template produced more than {limits.MaxRenderedLength.ToString("N0", CultureInfo.InvariantCulture)} characters (HaloAgent:Engine:Limits:MaxRenderedLength) and was stopped.");
            }

            CheckTime();
        }
    }
}

/// <summary>A render that ran out of time or length; the step that rendered it fails with this message.</summary>
public sealed class TemplateBudgetException(string message) : Exception(message);
