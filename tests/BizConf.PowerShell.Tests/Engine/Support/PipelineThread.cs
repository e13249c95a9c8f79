namespace BizConf.PowerShell.Tests.Engine.Support;

/// <summary>
/// Runs a blocking call as the pipeline thread (or StopProcessing's thread) would: on a thread of its own, so that
/// tests running side by side never starve the thread pool that the runner's phases need.
/// </summary>
internal static class PipelineThread
{
    public static Task Run(Action call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task<T> Run<T>(Func<T> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
