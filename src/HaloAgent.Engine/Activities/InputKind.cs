namespace HaloAgent.Engine.Activities;

/// <summary>How an input's raw JSON value is interpreted; the designer picks an editor from it.</summary>
public enum InputKind
{
    /// <summary>A Handlebars template rendered to a string.</summary>
    Text,

    /// <summary>An expression (see docs/expressions.md) evaluated to a value.</summary>
    Expression,

    /// <summary>An expression evaluated to true or false.</summary>
    Condition,

    Number,
    Boolean,

    /// <summary>"30s", "15m", "2h", "1d", "1d2h", ISO 8601 ("PT30M") or "hh:mm:ss".</summary>
    Duration,

    /// <summary>A Handlebars template rendering an ISO 8601 date and time.</summary>
    DateTime,

    /// <summary>One of <see cref="InputDescriptor.Options"/>.</summary>
    Select,

    EventName,
    VariableName,

    /// <summary>A cron expression (Quartz syntax: seconds minutes hours day-of-month month day-of-week [year]).</summary>
    Cron,

    /// <summary>List of <c>{ "name", "condition" }</c> for Switch.</summary>
    Cases,

    /// <summary>List of <c>{ "name", "weight" }</c> for Split.</summary>
    Variants,

    /// <summary>Any JSON value, used as it is.</summary>
    Json,
}
