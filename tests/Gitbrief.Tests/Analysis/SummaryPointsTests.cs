using Gitbrief.Analysis;
using Gitbrief.Configuration;
using Gitbrief.Sources;

namespace Gitbrief.Tests.Analysis;

/// <summary>Which parts of a commit body become summary points, and how a point is cut (commits without files, so
/// the summary holds only the points of the message).</summary>
public sealed class SummaryPointsTests
{
    private static IReadOnlyList<string> Points(string message) =>
        CommitBuilder.Message(message).Analyze().Analysis.Summary;

    [Fact]
    public void Headings_of_every_kind_are_not_points()
    {
        var message = "feat: tracing\n\n# Overview\n\nAdds spans to the router.\n\nMotivation\n----------\n\nRequests were opaque.\n\n"
            + "**Notes**\n\nSpans are sampled.\n\nSummary: The exporter is optional.\n";

        Assert.Equal(["Adds spans to the router.", "Requests were opaque.", "Spans are sampled.", "The exporter is optional."], Points(message));
    }

    [Fact]
    public void List_items_that_are_parts_of_one_sentence_make_one_point()
    {
        var message = "fix(core): externalize lazy loaded sources\n\nEvery source landed in dirty heap pages, which means:\n\n"
            + "- the isolate blob carried a full copy of each lazy script's source\ntext, and\n"
            + "- deserialization had to fix up those strings on\nevery startup.\n- Sources now stay off the heap.\n";

        Assert.Equal(
            [
                "the isolate blob carried a full copy of each lazy script's source text, and deserialization had to fix up those strings on every startup.",
                "Sources now stay off the heap.",
            ],
            Points(message));
    }

    /// <summary>vllm-ascend's pull-request template: a question answered "no", and the stamp of the vLLM it was built against.</summary>
    [Fact]
    public void A_template_questions_bare_answer_and_a_version_stamp_are_not_points()
    {
        var message = "[CI] add cases in weekly_config.yaml (#11827)\n\n### What this PR does / why we need it?\nadd cases in weekly_config.yaml\n\n"
            + "### Does this PR introduce _any_ user-facing change?\nno\n\n## Summary\n- Bind Ascend 950 polling threads.\n\n"
            + "- vLLM version: v0.23.0\n- vLLM main:\nhttps://github.com/vllm-project/vllm/commit/1f486d96a17303ce8db8e02be39545b2be338446\n";

        // (The first section repeats the title, which is no point either.)
        Assert.Equal(["Bind Ascend 950 polling threads."], Points(message));
    }

    /// <summary>pytorch/ao's template written without markup ("Summary:", then "Motivation" and "Changes" as plain lines), and
    /// a ghstack commit whose body is only the tool's marker.</summary>
    [Fact]
    public void Plain_line_headings_and_ghstack_markers_are_not_points()
    {
        var message = "Add keepdim support for the observer (#3748)\n\nSummary:\n\nThis PR adds a keepdim parameter to the observer.\n\n"
            + "Motivation\n\nScales keep the shape of the statistics.\n\nChanges\n\n- Added keepdim to choose_qparams.\n\n"
            + "Test Plan\n\npytest test/quantization/test_observer.py\n";

        Assert.Equal(["This PR adds a keepdim parameter to the observer.", "Scales keep the shape of the statistics.", "Added keepdim to choose_qparams."], Points(message));
        Assert.Equal(["docs update: move QAT readme to docs"], Points("[6/x] docs update: move QAT readme to docs (#3764)\n\n* Update\n\n[ghstack-poisoned]\n\n* Update\n\n[ghstack-poisoned]\n"));
    }

    /// <summary>torchtitan's ghstack list of the stack's pull requests, llm-compressor's template left unanswered and
    /// CodeRabbit's generated release notes (2026-08).</summary>
    [Fact]
    public void A_stack_list_an_unanswered_template_and_generated_release_notes_are_not_points()
    {
        Assert.Equal(["DTensor state dict adapter for vLLM HF weights"], Points("[rl][spmd_types] DTensor state dict adapter for vLLM HF weights (#4236)\n\n"
            + "Stack from [ghstack](https://github.com/ezyang/ghstack/tree/0.12.0)\n(oldest at bottom):\n* #4237\n* __->__ #4236\n"));
        Assert.Equal(["Add Mixed MXFP4-MXFP8 DS V4"], Points("[example]Add Mixed MXFP4-MXFP8 DS V4 (#2897)\n\nSUMMARY:\n"
            + "\"please provide a brief summary\"\n\n\nTEST PLAN:\n\"please outline how the changes were tested\"\n"));
        Assert.Equal(["This PR drops that mapping from Gemma3."], Points("[AWQ] [gemma3] remove input layernorm mapping (#2571)\n\nSUMMARY:\n"
            + "This PR drops that mapping from Gemma3.\n\n<!-- This is an auto-generated comment: release notes by coderabbit.ai\n-->\n\n"
            + "## Summary by CodeRabbit\n\n* **New Features**\n  * Added support for Gemma3 model variants.\n\n* **Bug Fixes**\n"
            + "* Updated layer mapping configurations.\n\n<!-- end of auto-generated comment: release notes by coderabbit.ai -->\n"));
    }

    /// <summary>xtuner 0b1fd3c: a hard-wrapped item whose next line starts with "+" inside its parentheses.</summary>
    [Fact]
    public void A_wrapped_line_that_starts_with_a_plus_inside_an_open_bracket_continues_its_item()
    {
        var message = "[Feature] support ep and enhance step latency for muon\n\n- Remove distributed_mesh parameter; extract the device mesh\n"
            + "  directly from DTensor metadata to support heterogeneous meshes (ViT 1D\n+ LM 2D).\n- Pre-compute adjust_lr ratios in __init__.\n"
            + "+ Add MoE expert-parallel support.\n";

        Assert.Equal(
            [
                "Remove distributed_mesh parameter; extract the device mesh directly from DTensor metadata to support heterogeneous meshes (ViT 1D + LM 2D).",
                "Pre-compute adjust_lr ratios in __init__.",
                "Add MoE expert-parallel support.",
            ],
            Points(message));
    }

    /// <summary>The next item of a "*" list is an item even when the one before left a bracket open (an unclosed "(" in
    /// prose); only a line starting with another bullet continues it.</summary>
    [Fact]
    public void The_next_item_of_the_same_list_is_its_own_point_after_an_unclosed_bracket()
    {
        var message = "Rework the cache\n\n* Keep entries per device (one map each\n* Evict the oldest entry first.\n";

        Assert.Equal(["Keep entries per device (one map each", "Evict the oldest entry first."], Points(message));
    }

    /// <summary>astro dd0e3ac: elements named in prose stay; markup goes.</summary>
    [Fact]
    public void Elements_named_in_prose_stay_and_markup_goes()
    {
        Assert.Equal(
            ["It also replaced the live <audio>/<video> nodes carried over from the previous page.", "Players keep their state."],
            Points("fix: keep persisted media\n\nIt also replaced the live <audio>/<video> nodes carried over from the previous page.\n\n"
                + "<p>Players keep <b>their</b> state.</p><br>\n"));
    }

    /// <summary>vercel/ai, laravel, verl, tilelang (2026): pointers to other pull requests, "As title", web-edit and review
    /// steps of a squash merge, and bots' review notes are no points.</summary>
    [Fact]
    public void Pointers_placeholders_fixup_steps_and_review_bots_are_not_points()
    {
        var message = "Add Str::replaceMatches (#56712)\n\nAs title\n\nreported in https://github.com/vercel/ai/issues/15319\n\n"
            + "In preparation of https://github.com/vercel/ai/pull/14652 Follow up to https://github.com/vercel/ai/pull/14600\n\n"
            + "The new method replaces every match of a pattern with a callback's result.\n\n"
            + "* Update src/Illuminate/Support/Str.php\n* feat: address review feedback\n* Make the linter happy\n"
            + "* coderabbitai nit: rename the helper\n* Support arrays of patterns\n";

        Assert.Equal(["The new method replaces every match of a pattern with a callback's result.", "Support arrays of patterns"], Points(message));
    }

    [Fact]
    public void A_sentence_around_a_link_that_says_something_stays()
    {
        var sentence = "The parser now follows the grammar at https://spec.example.org/grammar and rejects trailing commas.";
        Assert.Equal([sentence], Points("fix: parser\n\n" + sentence + "\n"));
    }

    /// <summary>verl, 2026-01-27: eleven of fourteen bodies carry the pull-request template's notes ("If this PR breaks any
    /// API … add [BREAKING]"), which a checklist heading of its own name does not always introduce. Shared word for word by
    /// three or more of the day's commits, a statement is the template's: it leaves every summary; a commit with nothing
    /// else to say keeps its subject.</summary>
    [Fact]
    public void Statements_three_of_the_days_bodies_share_word_for_word_are_the_template()
    {
        const string template = "\n\n### Notes\n\n- If this PR breaks any API (CLI arguments, config, function signature,\netc.), add `[BREAKING]` to the "
            + "beginning of the title.\n- Add concise overview of what this PR aims to achieve or accomplish.\n\n### Checklist Before Starting\n\n"
            + "- `{type}` is in `feat`, `fix`, `refactor`, `chore`, `test`\n";
        CommitRecord Commit(int n, string title, string body) => CommitBuilder.Message(title + "\n\n" + body + template).File($"verl/workers/rollout_{n}.py", 20, 5).Build()
            with { Sha = $"{n:x2}" + new string('a', 38) };
        var day = new[]
        {
            Commit(1, "[rollout] feat: set max_model_len by max_position_embeddings", "The rollout's max_model_len defaults to max_position_embeddings."),
            Commit(2, "[trainer] fix: keep the profiler step", "The profiler keeps its step across resumes."),
            Commit(3, "[ckpt] fix: save the optimizer state once", string.Empty),
            CommitBuilder.Message("[doc] chore: fix a typo\n\nIf this PR breaks any API, say so.\n").File("docs/index.md", 1, 1).Build() with { Sha = new string('b', 40) },
        };

        var analyses = new RulesAnalyzer(ImportanceWeights.Default, ReportLanguage.En).AnalyzeDay(day);

        Assert.Equal("The rollout's max_model_len defaults to max_position_embeddings.", analyses[day[0].Sha].Analysis.Summary[0]);
        Assert.Equal("The profiler keeps its step across resumes.", analyses[day[1].Sha].Analysis.Summary[0]);
        Assert.Equal("save the optimizer state once", analyses[day[2].Sha].Analysis.Summary[0]);
        Assert.All(day.Take(3), c => Assert.Equal(2, analyses[c.Sha].Analysis.Summary.Count));
        Assert.Equal("If this PR breaks any API, say so.", analyses[day[3].Sha].Analysis.Summary[0]);
    }

    /// <summary>WeKnora 28dd15e (2026-08-20): a Chinese sentence wrapped between two characters is joined without a space.</summary>
    [Fact]
    public void Wrapped_chinese_lines_join_without_a_space()
    {
        Assert.Equal(
            ["分段中删除的图片会被置为禁用，不再被检索到。", "The English part wraps as usual."],
            Points("fix(retrieval): 分段中删除的图片不再被检索到\n\n分段中删除的图片会被置为\n禁用，不再被检索到。\n\nThe English part\nwraps as usual.\n"));
    }

    /// <summary>FunASR c58747e, rtp-llm 00ace22 (2026-07): git's and a squash tool's own lines say nothing the title does not.</summary>
    [Fact]
    public void Git_revert_and_squash_lines_are_not_points()
    {
        Assert.Equal(["Revert \"提升专业度 加入 logo\""], Points("Revert \"提升专业度 加入 logo\"\n\nThis reverts commit ba1c2d80b8e0f2a4c6e8d0b2f4a6c8e0d2f4a6c8.\n"));
        Assert.Equal(["Consolidate the DashSc frontend settings."],
            Points("fix(dash_sc): harden frontend integration\n\nSquashed from 8 follow-up commits.\n\nConsolidate the DashSc frontend settings.\n"));
    }

    /// <summary>torchtitan 01081f5: a lead-in's formula alone is no point.</summary>
    [Fact]
    public void A_paragraph_that_is_only_a_code_span_is_not_a_point()
    {
        var message = "Validate profiler schedule configuration (#4233)\n\n## Summary\n\nThe Kineto profiler computes its wait period as:\n\n"
            + "`profile_freq - (profiler_warmup + profiler_active)`\n\nInvalid schedules now fail early with a clear `ValueError`.\n";

        Assert.Equal(["Invalid schedules now fail early with a clear `ValueError`."], Points(message));
    }

    [Theory]
    [InlineData("Please note that the cache is now cleared on upgrade.")]
    [InlineData("Changes to the cache are now atomic.")]
    [InlineData("Tests")]
    public void A_line_that_only_begins_like_a_section_or_names_a_common_word_stays(string line)
    {
        Assert.Equal([line], Points("fix: cache writes\n\n" + line + "\n"));
    }

    [Theory]
    [InlineData("No, the parser keeps its behaviour for valid input.")]
    [InlineData("The version: field of the manifest is now required.")]
    public void Sentences_that_only_begin_like_an_answer_or_a_stamp_stay(string sentence)
    {
        Assert.Equal([sentence], Points("fix: manifest parsing\n\n" + sentence + "\n"));
    }

    /// <summary>Automodel's squash merge "fix(checkpoint): harden PEFT PP checkpointing …": a dozen test and CI steps, then
    /// the fixes. The fixes are the points; the steps follow when there is room.</summary>
    [Fact]
    public void A_squash_merges_fixes_come_before_its_test_and_ci_steps()
    {
        var steps = new[]
        {
            "test(ci): exercise Step-3.7 optimizer checkpoint resume", "test(checkpoint): capture MTP logits under pipeline parallelism",
            "ci: expose per-recipe CPU allocation", "test(checkpoint): trace recipe teardown progress", "test(checkpoint): order distributed teardown",
            "fix(checkpoint): align PEFT EP reload across ranks", "test(checkpoint): trim robustness diagnostics", "fix(checkpoint): save all VLM PEFT pipeline parts",
        };
        var message = "fix(checkpoint): harden PEFT PP checkpointing (#3316)\n\n"
            + string.Concat(steps.Select(s => $"* {s}\n\nSigned-off-by: Yuhe Zhang <yuhez@nvidia.com>\n\n"));

        Assert.Equal(
            [
                "fix(checkpoint): align PEFT EP reload across ranks", "fix(checkpoint): save all VLM PEFT pipeline parts",
                "test(ci): exercise Step-3.7 optimizer checkpoint resume", "test(checkpoint): capture MTP logits under pipeline parallelism",
                "ci: expose per-recipe CPU allocation",
            ],
            Points(message));
    }

    [Fact]
    public void A_validation_section_is_not_points()
    {
        var message = "refactor(cron): remove saffron dependency\n\n## Summary\n- Replace `saffron` with an internal cron parser.\n\n"
            + "## Validation\n- `cargo test -p deno_cron`\n- `cargo tree -i saffron` confirmed absent.\n";

        Assert.Equal(["Replace `saffron` with an internal cron parser."], Points(message));
    }

    [Fact]
    public void Html_comments_and_details_blocks_are_not_points_even_across_lines()
    {
        var message = "fix: retry\n\n<!-- Please describe\nyour change -->\nRetry once on a reset connection.\n\n"
            + "<details>\n<summary>Log</summary>\n\nTraceback: boom\n</details>\n\n<!-- unterminated debug blob\nabc";

        Assert.Equal(["Retry once on a reset connection."], Points(message));
    }

    [Fact]
    public void Checklists_tables_code_and_bare_urls_are_not_points()
    {
        var message = "feat: cache\n\n- [ ] I have added tests\n  and docs\n- [x] I ran the linter\n- Cache parsed templates.\n\n"
            + "| before | after |\n|---|---|\n| 10 ms | 2 ms |\n\n```\n$ make bench\n```\n\n    indented code\n\n"
            + "https://example.com/design-doc\n\n<https://example.com/other>\n";

        Assert.Equal(["Cache parsed templates."], Points(message));
    }

    [Theory]
    [InlineData("Closes #12")]
    [InlineData("Fixes https://github.com/acme/widgets/issues/4400")]
    [InlineData("Resolves: acme/widgets#7, #8")]
    [InlineData("Refs GH-99")]
    [InlineData("See also #3")]
    [InlineData("Pull Request resolved: https://github.com/pytorch/pytorch/pull/123456")]
    [InlineData("Approved by: https://github.com/someone")]
    [InlineData("(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)")]
    [InlineData("Signed-off-by: A <a@example.com>")]
    public void References_and_trailers_anywhere_are_not_points(string line)
    {
        Assert.Equal(["Handle a closed socket."], Points($"fix: socket\n\nHandle a closed socket.\n\n{line}\n\nMore-Info: nothing\n"));
    }

    [Fact]
    public void A_hard_wrapped_link_or_reference_stays_in_its_sentence()
    {
        var message = "fix: venv\n\nStop discovery at the broken link, preserving the diagnostic introduced in\n"
            + "[#12168](https://github.com/astral-sh/uv/pull/12168). Follow-up to the [discussion on\n"
            + "#20418](https://github.com/astral-sh/uv/pull/20418#issuecomment-1). Treat every source as authoritative. Fixes\n"
            + "astral-sh/uv#18526.\n\nSee https://github.com/astral-sh/uv/issues/16911 for context.\n";

        Assert.Equal(
            [
                "Stop discovery at the broken link, preserving the diagnostic introduced in #12168.",
                "Follow-up to the discussion on #20418.",
                "Treat every source as authoritative.",
            ],
            Points(message));
    }

    [Fact]
    public void A_wrapped_table_row_and_struck_through_text_are_not_points()
    {
        var message = "chore(deps): update dependency astral-sh/uv to v0.11.33\n\n| Package | Type | Update | Change |\n|---|---|---|---|\n"
            + "| [astral-sh/uv](https://redirect.github.com/astral-sh/uv) | uses-with |\npatch | `0.11.29` → `0.11.33` |\n\n"
            + "~~WIP.~~\n\nPin the action to a digest.\n";

        Assert.Equal(["Pin the action to a digest."], Points(message));
    }

    [Fact]
    public void A_closing_block_of_any_token_trailers_is_not_a_point()
    {
        var message = "fix: socket\n\nHandle a closed socket.\n\nBug: 123\nTest: atest SocketTest\nLow-Coverage-Reason: hardware only\n";

        Assert.Equal(["Handle a closed socket."], Points(message));
    }

    [Fact]
    public void A_line_that_starts_with_a_closing_keyword_but_says_something_stays()
    {
        var message = "fix: parser\n\nFixes the crash when the input is empty.\n\nNote: the limit is 4 KiB.\n";

        Assert.Equal(["Fixes the crash when the input is empty.", "Note: the limit is 4 KiB."], Points(message));
    }

    [Fact]
    public void Bot_boilerplate_and_squash_fixups_are_not_points()
    {
        var message = "Add retries (#5)\n\n* Add retries\n\n* address review comments\n\n* Merge branch 'main' into retries\n\n* fix lint\n\n"
            + "* Retry idempotent requests up to three times.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n\n"
            + "This PR was generated by [Mend Renovate](https://mend.io/renovate/).\n";

        Assert.Equal(["Retry idempotent requests up to three times."], Points(message));
    }

    [Fact]
    public void Sentences_are_not_split_after_abbreviations_versions_or_before_lower_case()
    {
        var message = "fix: loader\n\nLoad weights lazily, e.g. for the 70B model vs. the 8B one. Works with v0.4.1 and later. "
            + "The old path i.e. eager loading stays available.\n";

        Assert.Equal(
            ["Load weights lazily, e.g. for the 70B model vs. the 8B one.", "Works with v0.4.1 and later.", "The old path i.e. eager loading stays available."],
            Points(message));
    }

    [Fact]
    public void A_lead_in_that_ends_with_a_colon_is_not_a_point()
    {
        Assert.Equal(["parse the header", "check the length"], Points("fix: header\n\nThis change:\n- parse the header\n- check the length\n"));
    }

    [Fact]
    public void A_long_point_is_clipped_at_a_word_end_never_inside_a_word()
    {
        var words = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"word{i}"));

        var point = Points($"feat: x\n\n- {words}\n")[0];

        Assert.EndsWith("…", point, StringComparison.Ordinal);
        Assert.True(point.Length <= 200, point);
        var kept = point[..^1];
        Assert.StartsWith(kept + " ", words, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_point_made_of_sentences_keeps_whole_sentences()
    {
        var sentences = string.Concat(Enumerable.Range(0, 12).Select(i => $"Sentence number {i} is here. "));

        var point = Points($"feat: x\n\n- {sentences}\n")[0];

        Assert.EndsWith("is here. …", point, StringComparison.Ordinal);
        Assert.StartsWith(point[..^2], sentences, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_chinese_text_is_clipped_at_punctuation()
    {
        var text = string.Concat(Enumerable.Repeat("调度器在空批次时不再等待事件，", 20));

        var point = Points($"fix: x\n\n- {text}\n")[0];

        Assert.EndsWith("事件…", point, StringComparison.Ordinal);
        Assert.True(point.Length <= 200);
    }

    [Fact]
    public void At_most_five_points_are_kept_and_none_repeats_the_title()
    {
        var message = "fix: pager\n\nfix: pager\n\nOne. Two! Three? Four. Five. Six.\n";

        Assert.Equal(["One.", "Two!", "Three?", "Four.", "Five."], Points(message));
    }
}
