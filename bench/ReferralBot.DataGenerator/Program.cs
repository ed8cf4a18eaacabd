using ReferralBot.DataGenerator;

// dotnet run -c Release --project bench/ReferralBot.DataGenerator -- [--db PATH] [--clicks N] [--purchases N] [--members N] [--measure-only]
var options = GeneratorOptions.Parse(args);
await using var generator = await Generator.StartAsync(options);
if (!options.MeasureOnly) await generator.FillAsync();
await generator.MeasureAsync(Console.Out);
