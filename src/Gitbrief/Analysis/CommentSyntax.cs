namespace Gitbrief.Analysis;

/// <summary>How a language writes comments and documentation in code: line-comment prefixes, C-style blocks,
/// documentation annotations (Elixir's <c>@doc</c>, <c>@spec</c>), and docstrings whose prose lines carry no marker.</summary>
internal sealed record CommentSyntax(string[] LinePrefixes, bool Block, string[] Annotations, bool Docstrings)
{
    private static readonly CommentSyntax CLike = new(["//"], true, [], false);
    private static readonly CommentSyntax Hash = new(["#"], false, [], false);
    private static readonly CommentSyntax Python = new(["#"], false, [], true);
    private static readonly CommentSyntax Elixir = new(["#"], false,
        ["@doc", "@moduledoc", "@typedoc", "@spec", "@type", "@typep", "@opaque", "@callback", "@macrocallback"], true);
    private static readonly CommentSyntax Dashes = new(["--"], false, [], false);
    private static readonly CommentSyntax Lisp = new([";"], false, [], false);
    private static readonly CommentSyntax Erlang = new(["%"], false, ["-spec", "-type", "-doc", "-moduledoc"], false);
    private static readonly CommentSyntax Php = new(["//", "#"], true, [], false);

    private static readonly Dictionary<string, CommentSyntax> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".c"] = CLike, [".h"] = CLike, [".cc"] = CLike, [".cpp"] = CLike, [".cxx"] = CLike, [".hpp"] = CLike, [".hh"] = CLike,
        [".cu"] = CLike, [".cuh"] = CLike, [".metal"] = CLike, [".m"] = CLike, [".mm"] = CLike, [".cs"] = CLike, [".java"] = CLike,
        [".kt"] = CLike, [".kts"] = CLike, [".scala"] = CLike, [".groovy"] = CLike, [".go"] = CLike, [".rs"] = CLike,
        [".js"] = CLike, [".jsx"] = CLike, [".mjs"] = CLike, [".cjs"] = CLike, [".ts"] = CLike, [".tsx"] = CLike, [".mts"] = CLike,
        [".cts"] = CLike, [".swift"] = CLike, [".dart"] = CLike, [".zig"] = CLike, [".proto"] = CLike, [".fs"] = CLike,
        [".php"] = Php,
        [".py"] = Python, [".pyi"] = Python, [".pyx"] = Python,
        [".ex"] = Elixir, [".exs"] = Elixir,
        [".rb"] = Hash, [".sh"] = Hash, [".bash"] = Hash, [".zsh"] = Hash, [".pl"] = Hash, [".r"] = Hash, [".jl"] = Hash,
        [".nim"] = Hash, [".tf"] = Hash, [".cmake"] = Hash, [".yml"] = Hash, [".yaml"] = Hash, [".toml"] = Hash,
        [".lua"] = Dashes, [".sql"] = Dashes, [".hs"] = Dashes, [".elm"] = Dashes,
        [".clj"] = Lisp, [".el"] = Lisp, [".lisp"] = Lisp, [".scm"] = Lisp,
        [".erl"] = Erlang, [".hrl"] = Erlang,
    };

    /// <summary>The syntax of a file by its extension (or its name: CMakeLists.txt, Makefile, Dockerfile); null when unknown.</summary>
    public static CommentSyntax? Of(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (name is "CMakeLists.txt" or "Makefile" or "Dockerfile" or "BUILD" or "BUILD.bazel")
        {
            return Hash;
        }
        var dot = name.LastIndexOf('.');
        return dot > 0 && ByExtension.TryGetValue(name[dot..], out var syntax) ? syntax : null;
    }
}
