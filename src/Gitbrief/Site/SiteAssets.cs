namespace Gitbrief.Site;

/// <summary>The site's own stylesheet and script (assets/site.css, assets/site.js): no CDN, no external request,
/// light and dark themes through prefers-color-scheme, and the day-page filters and search without inline
/// handlers. The script builds results with DOM APIs (textContent), never innerHTML.</summary>
internal static class SiteAssets
{
    public const string Css = """
        :root {
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --card: #f6f8fa; --link: #0969da;
          --high: #cf222e; --medium: #bf8700; --low: #1a7f37; --pressed: #ddf4ff;
          color-scheme: light dark;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --card: #151b23; --link: #4493f8;
            --high: #f85149; --medium: #d29922; --low: #3fb950; --pressed: #1f3a5f;
          }
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
          font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 0 1rem 2rem; }
        a { color: var(--link); }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); padding: 0.5rem; border-radius: 6px; }
        h1 { font-size: 1.5rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; border-bottom: 1px solid var(--border); padding-bottom: 0.2rem; }
        h3 { font-size: 1rem; margin: 0 0 0.3rem; overflow-wrap: anywhere; }
        h4 { font-size: 0.9rem; margin: 0.8rem 0 0.2rem; }
        .site-header { border-bottom: 1px solid var(--border); background: var(--card); }
        .site-header nav { max-width: 60rem; margin: 0 auto; padding: 0.6rem 1rem; display: flex; gap: 1rem; flex-wrap: wrap; }
        .site-header .brand { font-weight: 600; }
        .site-footer { max-width: 60rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: 0.8rem; }
        .subtitle, .window, .meta, .hint, .breadcrumb, .feed { color: var(--muted); font-size: 0.9rem; }
        .days { list-style: none; padding: 0; }
        .days li { padding: 0.2rem 0; border-bottom: 1px solid var(--border); display: flex; flex-wrap: wrap; gap: 0.6rem; }
        .count.high, .level.high { color: var(--high); }
        .count.medium, .level.medium { color: var(--medium); }
        .count.low, .level.low { color: var(--low); }
        .stat-counts { list-style: none; padding: 0; margin: 0.8rem 0; display: flex; gap: 0.5rem; flex-wrap: wrap; }
        .stat-counts li { border: 1px solid var(--border); border-radius: 999px; padding: 0.1rem 0.7rem; background: var(--card); font-weight: 600; }
        .day-nav { display: flex; gap: 1.5rem; flex-wrap: wrap; font-size: 0.9rem; }
        .toc ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
        .toc .total, .days .total { color: var(--muted); }
        section.repository { margin-bottom: 2rem; }
        .recent .count, .day-counts .count { margin-left: 0.6rem; }
        .more { font-size: 0.9rem; }
        .empty-run { color: var(--muted); font-style: italic; }
        ul.themes { list-style: none; padding: 0; }
        ul.themes > li { border-left: 4px solid var(--border); padding: 0.3rem 0.6rem; margin: 0.4rem 0; background: var(--card); border-radius: 0 6px 6px 0; }
        ul.themes > li[data-level="high"] { border-left-color: var(--high); }
        ul.themes > li[data-level="medium"] { border-left-color: var(--medium); }
        ul.themes > li[data-level="low"] { border-left-color: var(--low); }
        .theme-title { margin-left: 0.3rem; }
        .theme-summary { display: block; margin-top: 0.15rem; }
        details.theme-commits summary { cursor: pointer; color: var(--muted); font-size: 0.85rem; }
        details.theme-commits ul { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.9rem; }
        details.theme-commits .level { font-size: 0.8rem; }
        section.week-day { margin: 1.2rem 0 1.8rem; }
        section.week-day h3 { margin-top: 0.8rem; }
        .high-items li { margin: 0.3rem 0; overflow-wrap: anywhere; }
        .high-items .summary { color: var(--muted); font-size: 0.9rem; }
        .chart { width: 100%; height: auto; max-height: 10rem; display: block; margin: 0.5rem 0; }
        .chart .bar-high { fill: var(--high); }
        .chart .bar-medium { fill: var(--medium); }
        .chart .bar-low { fill: var(--low); }
        .chart .axis { stroke: var(--border); stroke-width: 1; }
        .chart .tick { fill: var(--muted); font-size: 9px; }
        .filters { position: sticky; top: 0; background: var(--bg); padding: 0.4rem 0; border-bottom: 1px solid var(--border); z-index: 1; }
        .filter-row { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.3rem 0; }
        .filter-label { color: var(--muted); font-size: 0.85rem; margin-right: 0.3rem; }
        button.filter { font: inherit; font-size: 0.85rem; color: var(--fg); background: var(--card); border: 1px solid var(--border);
          border-radius: 999px; padding: 0.25rem 0.7rem; cursor: pointer; min-height: 2rem; }
        button.filter[aria-pressed="true"] { background: var(--pressed); border-color: var(--link); }
        .visible { margin: 0.3rem 0; font-size: 0.85rem; color: var(--muted); }
        article.commit { border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.6rem 0; background: var(--card); }
        article.commit[hidden], section.group[hidden] { display: none; }
        .types { margin: 0.2rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem; }
        .type { font-size: 0.75rem; border: 1px solid var(--border); border-radius: 999px; padding: 0 0.5rem; }
        details.analysis summary { cursor: pointer; color: var(--link); }
        .files code, .message { overflow-wrap: anywhere; }
        .warning { color: var(--medium); }
        .search-form label { display: block; color: var(--muted); font-size: 0.9rem; }
        #search { width: 100%; font: inherit; padding: 0.5rem; border: 1px solid var(--border); border-radius: 6px; background: var(--bg); color: var(--fg); }
        #results { list-style: none; padding: 0; }
        #results li { padding: 0.4rem 0; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
        #results .result-meta { display: block; color: var(--muted); font-size: 0.85rem; }
        @media (max-width: 40rem) { main { padding: 0 0.6rem 1.5rem; } h1 { font-size: 1.25rem; } }

        """;

    public const string Js = """
        // Gitbrief site script: day-page filters and search. No inline handlers, no innerHTML, no network but search-index.json.
        (function () {
          'use strict';

          function each(list, action) { Array.prototype.forEach.call(list, action); }

          function setupFilters() {
            var counter = document.getElementById('visible-count');
            var commits = document.querySelectorAll('article.commit');
            if (!counter || commits.length === 0) { return; }
            var importance = 'all';
            var type = null;
            var importanceButtons = document.querySelectorAll('button.filter[data-filter-importance]');
            var typeButtons = document.querySelectorAll('button.filter[data-filter-type]');

            function apply() {
              var visible = 0;
              each(commits, function (commit) {
                var types = ' ' + (commit.getAttribute('data-types') || '') + ' ';
                var show = (importance === 'all' || commit.getAttribute('data-importance') === importance) &&
                  (type === null || types.indexOf(' ' + type + ' ') >= 0);
                if (show) { commit.removeAttribute('hidden'); visible++; } else { commit.setAttribute('hidden', ''); }
              });
              each(document.querySelectorAll('section.group'), function (group) {
                if (group.querySelector('article.commit:not([hidden])')) { group.removeAttribute('hidden'); } else { group.setAttribute('hidden', ''); }
              });
              each(importanceButtons, function (button) {
                button.setAttribute('aria-pressed', button.getAttribute('data-filter-importance') === importance ? 'true' : 'false');
              });
              each(typeButtons, function (button) {
                button.setAttribute('aria-pressed', button.getAttribute('data-filter-type') === type ? 'true' : 'false');
              });
              counter.textContent = String(visible);
            }

            each(importanceButtons, function (button) {
              button.addEventListener('click', function () {
                importance = button.getAttribute('data-filter-importance') || 'all';
                apply();
              });
            });
            each(typeButtons, function (button) {
              button.addEventListener('click', function () {
                var chosen = button.getAttribute('data-filter-type');
                type = type === chosen ? null : chosen;
                apply();
              });
            });
            apply();
          }

          function setupSearch() {
            var input = document.getElementById('search');
            var results = document.getElementById('results');
            if (!input || !results) { return; }
            var entries = null;

            function text(entry) {
              return (entry.title + '\n' + entry.author + '\n' + (entry.paths || []).join('\n') + '\n' + entry.repository + '\n' + entry.sha).toLowerCase();
            }

            function render() {
              while (results.firstChild) { results.removeChild(results.firstChild); }
              if (!entries) { return; }
              var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
              if (words.length === 0) { return; }
              var shown = 0;
              for (var i = 0; i < entries.length && shown < 200; i++) {
                var entry = entries[i];
                var haystack = entry._text || (entry._text = text(entry));
                if (!words.every(function (w) { return haystack.indexOf(w) >= 0; })) { continue; }
                var item = document.createElement('li');
                item.setAttribute('data-importance', entry.importance);
                var link = document.createElement('a');
                link.setAttribute('href', entry.url);
                link.textContent = entry.title;
                item.appendChild(link);
                var meta = document.createElement('span');
                meta.className = 'result-meta';
                var author = document.createElement('span');
                author.className = 'author';
                author.textContent = entry.author;
                meta.appendChild(author);
                meta.appendChild(document.createTextNode(' · ' + entry.repository + ' · ' + entry.date + ' · ' + entry.sha));
                item.appendChild(meta);
                results.appendChild(item);
                shown++;
              }
            }

            function load(data) {
              entries = Array.isArray(data) ? data : [];
              render();
            }

            var embedded = document.getElementById('search-data');
            if (embedded) {
              try { load(JSON.parse(embedded.textContent || '[]')); } catch (e) { entries = null; }
            }
            if (!entries && window.fetch) {
              window.fetch('search-index.json').then(function (r) { return r.json(); }).then(load, function () { load([]); });
            }
            var query = new URLSearchParams(window.location.search).get('q');
            if (query) { input.value = query; }
            input.addEventListener('input', render);
            render();
          }

          function start() { setupFilters(); setupSearch(); }
          if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
        })();

        """;
}
