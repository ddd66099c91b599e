using System.Collections.Concurrent;

namespace Openterface.Hil.Simulator.Tests;

public sealed class TargetImageCacheTests
{
    private static readonly TargetRecipe Recipe = TargetRecipe.FromFiles(new Dictionary<string, byte[]>
    {
        ["build-image"] = "#!/usr/bin/env bash\necho build\n"u8.ToArray(),
        ["grub.cfg"] = "menuentry x {}\n"u8.ToArray(),
    });

    private string _root = null!;

    [SetUp]
    public void MakeRoot() => _root = Directory.CreateTempSubdirectory("hil-image-cache-").FullName;

    [TearDown]
    public void RemoveRoot() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Two_callers_starting_at_once_build_the_image_once_and_both_get_it()
    {
        var builds = 0;
        var building = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondWaits = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task Build(string script, string output, string kernel, Action<string> progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref builds);
            building.TrySetResult();
            await finish.Task.WaitAsync(cancellationToken);
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, "hil-target.iso"), "iso", cancellationToken);
        }

        var lines = new ConcurrentQueue<string>();
        var first = new TargetImageCache(_root, Recipe, Build, TimeProvider.System, lines.Enqueue);
        var second = new TargetImageCache(_root, Recipe, Build, TimeProvider.System, line =>
        {
            lines.Enqueue(line);
            if (line.Contains("waiting for it", StringComparison.Ordinal))
            {
                secondWaits.TrySetResult();
            }
        });

        var a = first.EnsureAsync();
        await building.Task;
        var b = second.EnsureAsync();
        await secondWaits.Task;                      // the second caller is blocked on the lock while the first builds
        finish.SetResult();
        var paths = await Task.WhenAll(a, b);

        Assert.Multiple(() =>
        {
            Assert.That(builds, Is.EqualTo(1));
            Assert.That(paths, Is.EqualTo(new[] { first.ImagePath, first.ImagePath }));
            Assert.That(File.ReadAllText(first.ImagePath), Is.EqualTo("iso"));
            Assert.That(lines, Has.Some.Contains("built by another process"));
            Assert.That(lines, Has.Some.StartsWith("hil: building the QEMU target image"));
            Assert.That(Directory.GetDirectories(Path.GetDirectoryName(first.Folder)!), Is.EqualTo(new[] { first.Folder }), "no partial or recipe folder left");
        });
    }

    [Test]
    public async Task A_failed_build_leaves_nothing_behind_and_the_next_call_builds_again()
    {
        var attempt = 0;
        Task Build(string script, string output, string kernel, Action<string> progress, CancellationToken cancellationToken)
        {
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), Is.True, "scripts are extracted executable");
            }

            Directory.CreateDirectory(output);
            if (++attempt == 1)
            {
                throw new SetupException("grub-mkrescue failed");
            }

            return File.WriteAllTextAsync(Path.Combine(output, "hil-target.iso"), "iso", cancellationToken);
        }

        var cache = new TargetImageCache(_root, Recipe, Build, TimeProvider.System, _ => { });
        Assert.That(() => cache.EnsureAsync(), Throws.InstanceOf<SetupException>().With.Message.EqualTo("grub-mkrescue failed"));
        Assert.That(Directory.GetDirectories(Path.GetDirectoryName(cache.Folder)!), Is.Empty);
        Assert.That(await cache.EnsureAsync(), Is.EqualTo(cache.ImagePath));
        Assert.That(attempt, Is.EqualTo(2));
    }

    [Test]
    public void The_cache_lives_under_XDG_CACHE_HOME_and_is_keyed_by_the_recipe()
    {
        var other = TargetRecipe.FromFiles(new Dictionary<string, byte[]> { ["build-image"] = "#!/bin/sh\necho other\n"u8.ToArray() });
        Assert.Multiple(() =>
        {
            Assert.That(TargetImageCache.DefaultRoot(k => k == "XDG_CACHE_HOME" ? "/srv/cache" : null), Is.EqualTo("/srv/cache/openterface-hil"));
            Assert.That(TargetImageCache.DefaultRoot(_ => null), Does.EndWith("/.cache/openterface-hil"));
            Assert.That(other.Hash, Is.Not.EqualTo(Recipe.Hash));
        });
    }

    [Test]
    public void The_embedded_recipe_is_fixtures_targets_qemu_without_its_readme()
    {
        var recipe = RepositoryFolder("fixtures/targets/qemu");
        var files = Directory.GetFiles(recipe, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(recipe, f)).Where(f => f != "README.md").Order(StringComparer.Ordinal).ToList();
        Assert.That(TargetRecipe.Embedded.Files.Keys.Order(StringComparer.Ordinal), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(TargetRecipe.Embedded.Files[file], Is.EqualTo(File.ReadAllBytes(Path.Combine(recipe, file))), file);
        }
    }

    private static string RepositoryFolder(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("Openterface.Hil.sln not found above the test assembly.");
    }
}
