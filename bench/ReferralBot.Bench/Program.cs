using ReferralBot.Bench;

// bare --urls URL                                   a Kestrel endpoint answering /r/{code} with the same 302
// load --url URL --requests N --concurrency C       sends exactly N requests, prints one JSON line of results
return args.FirstOrDefault() switch
{
    "bare" => await BareRedirect.RunAsync(args[1..]),
    "load" => await LoadGenerator.RunAsync(args[1..]),
    "claims" => await ClaimLoad.RunAsync(args[1..]),
    "fake-telegram" => await FakeTelegramServer.RunAsync(args[1..]),
    "cluster" => await ClusterRun.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bare --urls URL | load --url URL --requests N --concurrency C");
    return 2;
}
