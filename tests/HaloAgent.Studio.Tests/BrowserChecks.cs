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

    /// <summary>In dark mode no visible element paints a near-white background (a light sheet left unrepainted); names the first.</summary>
    public static async Task NoLightBoxesAsync(IPage page, string what)
    {
        var light = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')].filter(e => {
              const r = e.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) return false;
              const m = getComputedStyle(e).backgroundColor.match(/[\d.]+/g);
              if (!m || (m.length > 3 && Number(m[3]) === 0)) return false;
              const [R, G, B] = m.slice(0, 3).map(Number).map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * R + 0.7152 * G + 0.0722 * B > 0.5;
            }).slice(0, 6).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`)
            """);
        light.ShouldBeEmpty($"{what} in dark mode");
    }

    /// <summary>Opens the account menu (top right) and one of its pages, as a person does.</summary>
    public static async Task OpenFromAccountMenuAsync(IPage page, string item)
    {
        await page.GetByLabel("Account menu").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new PageGetByRoleOptions { Name = item, Exact = true }).ClickAsync();
    }
}
