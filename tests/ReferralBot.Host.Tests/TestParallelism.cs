// Several of these tests mostly wait: for a service process to start, for a cluster's messages to drain at Telegram's
// rate. With one thread per core, such a wait held a core's worth of tests back; four let the others run meanwhile.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]
