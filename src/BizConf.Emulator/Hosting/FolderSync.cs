using System.Runtime.InteropServices;

namespace BizConf.Emulator.Hosting;

/// <summary>
/// Forces a folder's entries to disk, so that a rename into it survives a power cut. .NET opens no handle on a
/// folder, hence the C library on Unix. Windows (NTFS journals its renames) and any system or file system that
/// refuses are left as they are: the save has already happened, this only makes it last.
/// </summary>
internal static class FolderSync
{
    private const int ReadOnly = 0;

    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var descriptor = open(folder, ReadOnly);
            if (descriptor < 0)
            {
                return;
            }

            _ = fsync(descriptor);
            _ = close(descriptor);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int descriptor);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int descriptor);
}
