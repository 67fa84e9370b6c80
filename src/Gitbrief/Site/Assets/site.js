// Gitbrief site script: day-page filters and search. No inline handlers, no innerHTML, no network but the search index shards (search/…/*.js).
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

    // The index is in shards (search/<repo>/<YYYY-MM>.js, listed newest month first in #search-shards), each a
    // script that calls gitbriefSearch(entries). They are loaded one after another when the reader first searches,
    // and the results are shown again as each arrives, newest day first.
    var shards = [];
    try { shards = JSON.parse((document.getElementById('search-shards') || {}).textContent || '[]'); } catch (e) { shards = []; }
    var next = 0;
    var started = false;
    window.gitbriefSearch = function (data) {
      if (!Array.isArray(data)) { return; }
      entries = (entries || []).concat(data);
      entries.sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0; });
    };
    function loadNext() {
      if (next >= shards.length) { entries = entries || []; render(); return; }
      var shard = shards[next++];
      var script = document.createElement('script');
      script.src = shard.src;
      script.addEventListener('load', function () { render(); loadNext(); });
      script.addEventListener('error', loadNext);
      document.head.appendChild(script);
    }
    function begin() {
      if (!started) { started = true; loadNext(); }
      render();
    }

    var query = new URLSearchParams(window.location.search).get('q');
    if (query) { input.value = query; begin(); }
    input.addEventListener('input', begin);
  }

  function start() { setupFilters(); setupSearch(); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
