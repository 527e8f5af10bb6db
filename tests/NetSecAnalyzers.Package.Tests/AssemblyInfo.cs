// The fixtures pack the analyzer package and the tool from the same source projects; two packs at once
// restore those projects concurrently and race on their obj folders, so the test classes run one by one.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
