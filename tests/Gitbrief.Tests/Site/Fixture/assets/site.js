// Fixture implementation of the site DOM contract (tests/e2e/README.md): day-page filters and search.
// Never builds HTML from data: every string goes through textContent.
(function () {
  'use strict';
  // The site root is the parent of assets/, wherever the page sits.
  var root = new URL('../', document.currentScript ? document.currentScript.src : location.href);

  function setupFilters() {
    var commits = Array.prototype.slice.call(document.querySelectorAll('article.commit'));
    var buttons = Array.prototype.slice.call(document.querySelectorAll('button.filter'));
    if (commits.length === 0 || buttons.length === 0) return;
    var count = document.getElementById('visible-count');
    var state = { importance: 'all', type: 'all' };

    function apply() {
      var shown = 0;
      commits.forEach(function (commit) {
        var types = (commit.dataset.types || '').split(/[\s,]+/).filter(Boolean);
        var visible = (state.importance === 'all' || commit.dataset.importance === state.importance)
          && (state.type === 'all' || types.indexOf(state.type) >= 0);
        commit.hidden = !visible;
        if (visible) shown++;
      });
      if (count) count.textContent = String(shown);
      buttons.forEach(function (button) {
        var pressed = button.hasAttribute('data-filter-importance')
          ? button.dataset.filterImportance === state.importance
          : button.dataset.filterType === state.type;
        button.setAttribute('aria-pressed', pressed ? 'true' : 'false');
      });
    }

    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        if (button.hasAttribute('data-filter-importance')) state.importance = button.dataset.filterImportance;
        if (button.hasAttribute('data-filter-type')) state.type = button.dataset.filterType;
        apply();
      });
    });
    apply();
  }

  function setupSearch() {
    var input = document.getElementById('search');
    var results = document.getElementById('results');
    if (!input || !results) return;
    var status = document.getElementById('search-status');
    var entries = null;

    function render() {
      if (!entries) return;
      var query = input.value.trim().toLowerCase();
      results.replaceChildren();
      if (!query) {
        if (status) status.textContent = '';
        return;
      }
      var matches = entries.filter(function (entry) {
        return String(entry.title).toLowerCase().indexOf(query) >= 0
          || String(entry.author).toLowerCase().indexOf(query) >= 0;
      });
      matches.forEach(function (entry) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = new URL(entry.url, root).href;
        link.textContent = entry.title;
        var author = document.createElement('span');
        author.className = 'author';
        author.textContent = ' — ' + entry.author + ' · ' + entry.date;
        item.append(link, author);
        results.append(item);
      });
      if (status) status.textContent = matches.length + (matches.length === 1 ? ' commit' : ' commits');
    }

    input.addEventListener('input', render);
    fetch(new URL('search-index.json', root))
      .then(function (response) {
        if (!response.ok) throw new Error('search-index.json: HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) { entries = Array.isArray(data) ? data : []; render(); })
      .catch(function (error) {
        if (status) status.textContent = 'Search is unavailable.';
        console.error(error);
      });
  }

  setupFilters();
  setupSearch();
})();
