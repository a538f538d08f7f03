using Microsoft.Playwright;

namespace HaloAgent.Studio.Tests;

/// <summary>Checks every walk makes of the page as laid out.</summary>
public static class BrowserChecks
{
    /// <summary>Nothing sticks out sideways (a phone must never scroll horizontally); names the first offenders.</summary>
    public static async Task NoSidewaysScrollAsync(IPage page, int width)
    {
        var wider = await page.EvaluateAsync<string[]>("""
            w => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > w + 0.5 && getComputedStyle(e).position !== 'fixed' && !e.closest('.react-flow__viewport'))
              .slice(0, 8)
              .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)} "${(e.textContent ?? '').trim().slice(0, 40)}"`)
            """, width);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"{page.Url}: {string.Join("; ", wider)}");
    }
}
