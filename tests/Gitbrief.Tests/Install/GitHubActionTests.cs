using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Gitbrief.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Gitbrief.Tests.Install;

/// <summary>The composite action at the repository root (action.yml) that docs/scheduling.md's workflow uses:
/// it can't run on GitHub here, so its YAML is checked for what GitHub would reject and its shell steps are run
/// for real with bash (the install step itself, install.sh, runs in CI's smoke step and in the bench).</summary>
[UnsupportedOSPlatform("windows")] // bash, executable bits: the action runs on Linux runners
public sealed partial class GitHubActionTests
{
    private static readonly string Root = BrowserHarness.RepositoryRoot;

    [Fact]
    public void Action_is_a_composite_whose_expressions_name_declared_inputs_and_earlier_steps()
    {
        var action = LoadAction();
        var text = File.ReadAllText(Path.Combine(Root, "action.yml"));
        Assert.Equal("composite", Scalar(action, "runs", "using"));
        var inputs = Keys(Mapping(action, "inputs"));
        Assert.Equal(["args", "cache-dir", "config", "working-directory"], inputs.Order(StringComparer.Ordinal));

        foreach (var step in Steps(action))
        {
            var uses = step.Children.ContainsKey("uses");
            var run = step.Children.ContainsKey("run");
            Assert.True(uses ^ run, $"a step has either 'uses' or 'run': {Scalar(step, "name")}");
            if (run)
            {
                Assert.Equal("bash", Scalar(step, "shell")); // composite run steps must name their shell
            }
        }
        foreach (Match match in InputReference().Matches(text))
        {
            Assert.Contains(match.Groups[1].Value, inputs);
        }
        var ids = Steps(action).Select(s => s.Children.TryGetValue("id", out var id) ? ((YamlScalarNode)id).Value : null).ToList();
        foreach (var (step, index) in Steps(action).Select((s, i) => (s, i)))
        {
            foreach (Match match in StepReference().Matches(Serialize(step)))
            {
                var referenced = ids.IndexOf(match.Groups[1].Value);
                Assert.True(referenced >= 0 && referenced < index, $"step {index} refers to steps.{match.Groups[1].Value} before it exists");
            }
        }
    }

    [Fact]
    public async Task Action_builds_with_install_sh_into_a_tool_path_that_install_sh_accepts()
    {
        var install = Step(LoadAction(), "Build and install gitbrief (Native AOT .NET tool)");
        Assert.Contains("\"$ACTION_PATH/install.sh\" --tool-path \"$TOOL_PATH\"", Scalar(install, "run"), StringComparison.Ordinal);

        var help = await RunAsync("bash", [Path.Combine(Root, "install.sh"), "--help"], Root, new Dictionary<string, string>());
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--tool-path DIR", help.Output, StringComparison.Ordinal);
        var wrong = await RunAsync("bash", [Path.Combine(Root, "install.sh"), "--prefix", "elsewhere"], Root, new Dictionary<string, string>());
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("unknown argument '--prefix'", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_key_changes_when_a_source_file_changes_and_only_then()
    {
        using var tree = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(tree.Path, "src", "Gitbrief"));
        File.WriteAllText(Path.Combine(tree.Path, "src", "Gitbrief", "Commit.cs"), "namespace Gitbrief;\n");
        File.WriteAllText(Path.Combine(tree.Path, "install.sh"), "#!/bin/sh\n");
        File.WriteAllText(Path.Combine(tree.Path, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(tree.Path, "global.json"), "{}\n");
        var key = Scalar(Step(LoadAction(), "Key of the gitbrief build (hash of its sources at the action's ref)"), "run");

        var first = await OutputsAsync(key, tree.Path);
        Assert.Matches("^[0-9a-f]{16}$", first["hash"]);
        Assert.EndsWith("/gitbrief-tool", first["tool-path"], StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(tree.Path, "src", "Gitbrief", "obj"));
        File.WriteAllText(Path.Combine(tree.Path, "src", "Gitbrief", "obj", "leftover.cs"), "build output\n");
        Assert.Equal(first["hash"], (await OutputsAsync(key, tree.Path))["hash"]);
        File.AppendAllText(Path.Combine(tree.Path, "src", "Gitbrief", "Commit.cs"), "// changed\n");
        Assert.NotEqual(first["hash"], (await OutputsAsync(key, tree.Path))["hash"]);
    }

    [Theory]
    [InlineData("~/.cache/gitbrief", "--date 2026-01-12 --quiet", new[] { "run", "--config", "briefs/gitbrief.yaml", "--cache-dir", "HOME/.cache/gitbrief", "--date", "2026-01-12", "--quiet" })]
    [InlineData("state/cache", "", new[] { "run", "--config", "briefs/gitbrief.yaml", "--cache-dir", "WORKSPACE/state/cache" })]
    [InlineData("/var/cache/gitbrief", "--quiet", new[] { "run", "--config", "briefs/gitbrief.yaml", "--cache-dir", "/var/cache/gitbrief", "--quiet" })]
    public async Task Run_step_passes_config_cache_dir_and_args_to_gitbrief_run(string cacheDir, string args, string[] expected)
    {
        using var work = new TempDirectory();
        var bin = Path.Combine(work.Path, "bin");
        Directory.CreateDirectory(bin);
        var fake = Path.Combine(bin, "gitbrief");
        File.WriteAllText(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$ARGUMENTS_FILE\"\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var arguments = Path.Combine(work.Path, "arguments.txt");
        var home = Path.Combine(work.Path, "home");
        var workspace = Path.Combine(work.Path, "workspace");
        var script = Scalar(Step(LoadAction(), "gitbrief run"), "run");

        var result = await RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], work.Path, new Dictionary<string, string>
        {
            ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = home,
            ["GITHUB_WORKSPACE"] = workspace,
            ["CONFIG_FILE"] = "briefs/gitbrief.yaml",
            ["CACHE_DIR"] = cacheDir,
            ["EXTRA_ARGS"] = args,
            ["ARGUMENTS_FILE"] = arguments,
        });

        Assert.True(result.ExitCode == 0, result.Error);
        var resolved = expected.Select(a => a.Replace("HOME/", home + "/", StringComparison.Ordinal)
            .Replace("WORKSPACE/", workspace + "/", StringComparison.Ordinal));
        Assert.Equal(resolved, File.ReadAllLines(arguments));
    }

    [Fact]
    public void Scheduling_workflow_is_a_uses_line_with_inputs_the_action_declares()
    {
        var doc = File.ReadAllText(Path.Combine(Root, "docs", "scheduling.md"));
        var block = YamlBlock().Matches(doc).Select(m => m.Groups[1].Value).Single(b => b.Contains("uses: your-org/gitbrief@", StringComparison.Ordinal));
        Assert.DoesNotContain("dotnet run", block, StringComparison.Ordinal);
        Assert.DoesNotContain("setup-dotnet", block, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(block));
        var workflow = (YamlMappingNode)stream.Documents[0].RootNode;
        var steps = (YamlSequenceNode)Mapping(Mapping(workflow, "jobs"), "report")["steps"];
        var gitbrief = steps.Children.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue("uses", out var u) && ((YamlScalarNode)u).Value!.StartsWith("your-org/gitbrief@", StringComparison.Ordinal));
        var inputs = Keys(Mapping(LoadAction(), "inputs"));
        foreach (var name in Keys(Mapping(gitbrief, "with")))
        {
            Assert.Contains(name, inputs);
        }
        Assert.Equal("gitbrief.yaml", Scalar(gitbrief, "with", "config"));
    }

    private static async Task<Dictionary<string, string>> OutputsAsync(string script, string actionPath)
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "output");
        var result = await RunAsync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script], temp.Path, new Dictionary<string, string>
        {
            ["ACTION_PATH"] = actionPath,
            ["GITHUB_OUTPUT"] = output,
            ["RUNNER_TEMP"] = temp.Path,
        });
        Assert.True(result.ExitCode == 0, result.Error);
        return File.ReadAllLines(output).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    private static YamlMappingNode LoadAction()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "action.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode action) =>
        ((YamlSequenceNode)Mapping(action, "runs")["steps"]).Children.Cast<YamlMappingNode>();

    private static YamlMappingNode Step(YamlMappingNode action, string name) => Steps(action).Single(s => Scalar(s, "name") == name);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static List<string> Keys(YamlMappingNode node) => node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    private static string Scalar(YamlMappingNode node, params string[] path)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            node = Mapping(node, path[i]);
        }
        return ((YamlScalarNode)node[path[^1]]).Value!;
    }

    private static string Serialize(YamlMappingNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output, await error);
    }

    [GeneratedRegex(@"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\bsteps\.([A-Za-z0-9_-]+)\.")]
    private static partial Regex StepReference();

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
