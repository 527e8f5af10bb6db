// The fixtures pack the analyzer package and the tool from the same source projects. Two packs at once
// would restore those projects concurrently and race on their obj folders, so the test classes run one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
