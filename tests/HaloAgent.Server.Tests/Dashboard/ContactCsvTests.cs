using HaloAgent.Server.Dashboard;

namespace HaloAgent.Server.Tests.Dashboard;

/// <summary>
/// The contacts CSV as owners' spreadsheets write it: Excel's "CSV UTF-8" (a BOM), ';' separators where the list
/// separator is ';', quoted fields holding separators, doubled quotes and line breaks. Lines are the file's own lines.
/// </summary>
public sealed class ContactCsvTests
{
    [Fact]
    public void A_file_with_a_bom_and_semicolon_separators_is_read_by_its_header()
    {
        var csv = "\uFEFFname;phone;language;marketingOptIn\r\n"
                  + "Ada Obi;0803 111 0101;en;yes\r\n"
                  + "\"Okafor; Ngozi\";08050000006;Igbo;no\r\n"
                  + "Musa, Bello;+234 805 000 0007;ha;\r\n";

        var (rows, errors) = ContactCsv.Parse(csv);

        errors.ShouldBeEmpty();
        rows.Select(r => (r.Line, r.Name, r.PhoneE164, r.Language, r.MarketingOptIn)).ShouldBe(
        [
            (2, "Ada Obi", "+2348031110101", "en", true),
            (3, "Okafor; Ngozi", "+2348050000006", "ig", false),
            (4, "Musa, Bello", "+2348050000007", "ha", (bool?)null),
        ]);
    }

    [Fact]
    public void A_semicolon_file_without_a_header_is_read_by_its_first_line()
    {
        var (rows, errors) = ContactCsv.Parse("Kemi;08050000003;yo;true\nTunde;08050000010;pcm;false\n");

        errors.ShouldBeEmpty();
        rows.Select(r => (r.Line, r.Name, r.Language)).ShouldBe([(1, "Kemi", "yo"), (2, "Tunde", "pcm")]);
    }

    [Fact]
    public void A_quoted_field_may_hold_a_line_break_and_doubled_quotes_and_later_lines_keep_their_numbers()
    {
        var csv = "name,phone,language,marketingOptIn\n"
                  + "\"Chief \"\"Baba\"\"\nAdewale\",08031110101,yo,yes\n"
                  + "Bad Phone,12345,en,true\n"
                  + "Kemi,08050000003,,\n";

        var (rows, errors) = ContactCsv.Parse(csv);

        rows.Select(r => (r.Line, r.Name)).ShouldBe([(2, "Chief \"Baba\" Adewale"), (5, "Kemi")]);
        errors.ShouldHaveSingleItem().Line.ShouldBe(4);
    }

    [Fact]
    public void A_header_and_rows_with_a_bom_and_commas_still_work_as_before()
    {
        var (rows, errors) = ContactCsv.Parse("\uFEFFname,phone\r\nAda,08031110101\r\n");

        errors.ShouldBeEmpty();
        rows.ShouldHaveSingleItem().Name.ShouldBe("Ada");
    }
}
