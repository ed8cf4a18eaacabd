using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ReferralBot.Core.Storage;

/// <summary>Everything is stored in UTC; values read back are marked as such so they compare and humanize right.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
    fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
