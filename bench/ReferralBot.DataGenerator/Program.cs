using ReferralBot.DataGenerator;

// dotnet run -c Release --project bench/ReferralBot.DataGenerator -- [--db PATH] [--clicks N] [--purchases N] [--members N] [--measure-only]
//   … --connection "Host=…;Database=…"                    PostgreSQL instead of --db's SQLite file (run the service's migrate first)
//   … --outbox N                                       N people, one due outbox message each (the outbound benchmark)
//   … --nudges N --due K --due-rate R --due-in S       N thank-you nudges, K of them due at R/s from S seconds on
//   … --claims N                                       N claims straight into the conversation core, one at a time
//   … --remind N                                       N members, then /campaign remind for all of them, timed
//   … --fraud-scan                                     the fraud rules over the generated campaign, a month at a time (a copy: it writes cases)
var options = GeneratorOptions.Parse(args);
await using var generator = await Generator.StartAsync(options);
var seeder = new SendSeeder(generator.Services);
if (options.Outbox > 0)
{
    await seeder.OutboxAsync(options.Outbox, Console.Out);
    return;
}

if (options.Claims > 0)
{
    await new ClaimTimer(generator.Services).RunAsync(options.Claims, Console.Out);
    return;
}

if (options.FraudScan)
{
    await new FraudScanCheck(generator.Services, generator.Clock!).RunAsync(Generator.Start, Console.Out);
    return;
}

if (options.Remind > 0)
{
    await seeder.RemindAsync(options.Remind, Console.Out);
    return;
}

if (options.Nudges > 0)
{
    await seeder.NudgesAsync(options.Nudges, options.Due, options.DueRate, options.DueIn, Console.Out);
    return;
}

if (!options.MeasureOnly) await generator.FillAsync();
await generator.MeasureAsync(Console.Out);
