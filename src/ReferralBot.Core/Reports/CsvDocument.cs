using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ReferralBot.Core.Reports;

/// <summary>
/// A CSV file as every export writes it (CsvHelper, RFC 4180, UTF-8 with a BOM so spreadsheets read names right): a
/// header from the row type, dates in ISO 8601 UTC, money with two decimals.
/// </summary>
public static class CsvDocument
{
    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture);

    public static async Task<byte[]> WriteAsync(Func<CsvWriter, Task> rows, Type row)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, Csv))
        {
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTime>().Formats = ["yyyy-MM-ddTHH:mm:ssZ"];
            csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().Formats = ["yyyy-MM-ddTHH:mm:ssZ"];
            csv.Context.TypeConverterOptionsCache.GetOptions<decimal>().Formats = ["0.00"];
            csv.Context.TypeConverterOptionsCache.GetOptions<decimal?>().Formats = ["0.00"];
            csv.WriteHeader(row);
            await csv.NextRecordAsync();
            await rows(csv);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Text someone typed, made safe for a spreadsheet: a cell that starts like a formula (=, +, -, @) is opened with an
    /// apostrophe so it is shown, not run. Only for free text: numbers and accounts are checked where they are taken.
    /// </summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
