// docsmith theme behaviour: theme toggle, mobile sidebar, copy buttons, code tabs,
// table-of-contents highlight and search. Everything here is an enhancement: the
// page reads and navigates without it.
(function () {
  'use strict';
  var root = document.documentElement;
  var base = root.getAttribute('data-base') || '/';
  // The variant's home (the base on a site without variants): its search index and sidebar groups are there.
  var home = root.getAttribute('data-home') || base;

  function store(key, value) {
    try {
      if (value === undefined) return localStorage.getItem(key);
      localStorage.setItem(key, value);
    } catch (e) {
      return null; // storage disabled: the choice lasts for this page only
    }
    return null;
  }

  // ---- Theme: follows the OS until the reader picks one, then remembers it. ----
  var themeButton = document.querySelector('.theme-toggle');
  var darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
  function isDark() {
    var chosen = root.getAttribute('data-theme');
    return chosen ? chosen === 'dark' : darkQuery.matches;
  }
  function syncThemeButton() {
    if (themeButton) themeButton.setAttribute('aria-pressed', String(isDark()));
  }
  if (themeButton) {
    themeButton.hidden = false;
    syncThemeButton();
    themeButton.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      store('docsmith-theme', next);
      syncThemeButton();
    });
    darkQuery.addEventListener('change', syncThemeButton);
  }

  // ---- Mobile sidebar ----
  var menuButton = document.querySelector('.menu-toggle');
  var sidebar = document.getElementById('ds-sidebar');
  function setMenu(open, focusBack) {
    root.classList.toggle('sidebar-open', open);
    menuButton.setAttribute('aria-expanded', String(open));
    if (open) {
      var target = sidebar.querySelector('[aria-current="page"]') || sidebar.querySelector('a');
      if (target) target.focus();
    } else if (focusBack) {
      menuButton.focus();
    }
  }
  if (menuButton && sidebar) {
    menuButton.hidden = false;
    menuButton.addEventListener('click', function () {
      setMenu(!root.classList.contains('sidebar-open'), false);
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && root.classList.contains('sidebar-open')) setMenu(false, true);
    });
    document.addEventListener('click', function (event) {
      if (!root.classList.contains('sidebar-open')) return;
      if (sidebar.contains(event.target) || menuButton.contains(event.target)) return;
      setMenu(false, false);
    });
  }

  // ---- Menus made of a <details> (the variant switcher, "On this page" on narrow screens):
  // they work without script; with it, Escape, a click elsewhere and the focus leaving close
  // them, as readers expect of a menu, and the summary states aria-expanded too. ----
  function detailsMenu(details) {
    var summary = details.querySelector('summary');
    function sync() { summary.setAttribute('aria-expanded', String(details.open)); }
    sync();
    details.addEventListener('toggle', sync);
    document.addEventListener('click', function (event) {
      if (details.open && !details.contains(event.target)) details.open = false;
    });
    details.addEventListener('focusout', function (event) {
      if (details.open && event.relatedTarget && !details.contains(event.relatedTarget)) details.open = false;
    });
    details.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      summary.focus();
    });
  }
  var variantSwitch = document.querySelector('.variant-switch');
  if (variantSwitch) detailsMenu(variantSwitch);
  // Choosing a section closes the menu and takes the focus there, so the next Tab (or a
  // screen reader) goes on from the section, not from a link now hidden.
  var tocMenu = document.querySelector('.toc-menu');
  if (tocMenu) {
    detailsMenu(tocMenu);
    // A long list opens scrolled to the section being read.
    tocMenu.addEventListener('toggle', function () {
      var list = tocMenu.querySelector('ul');
      var current = list && tocMenu.open && list.querySelector('[aria-current="true"]');
      if (current && list.scrollHeight > list.clientHeight) list.scrollTop = current.offsetTop - list.clientHeight / 2;
    });
    tocMenu.addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (!link) return;
      tocMenu.open = false;
      var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!heading) return;
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    });
  }

  // ---- Sidebar groups: on a big site a group off the current page's path is its heading
  // alone (data-nav-group); a button fetches its entries (assets/nav/<id>.json, one small
  // file per group) on first use, then shows and hides them. A file keeps its name when its
  // entries change (the id says where the group is), so the browser asks whether its copy
  // is current rather than using it unasked. ----
  var navGroups = {};
  function loadNavGroup(id) {
    if (!navGroups[id]) {
      navGroups[id] = fetch(home + 'assets/nav/' + id + '.json', { cache: 'no-cache' }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      });
      navGroups[id].catch(function () { delete navGroups[id]; }); // a failed fetch is tried again on the next use
    }
    return navGroups[id];
  }
  function navEntry(entry) {
    var item = document.createElement('li');
    var label;
    if (entry.href) {
      label = document.createElement('a');
      label.href = entry.href;
      if (entry.external) label.rel = 'noopener';
    } else {
      label = document.createElement('span');
      label.className = 'nav-group';
    }
    label.textContent = entry.text;
    item.appendChild(label);
    if (entry.group !== undefined) {
      item.setAttribute('data-nav-group', String(entry.group));
      addNavToggle(item);
    }
    return item;
  }
  function addNavToggle(item) {
    var id = item.getAttribute('data-nav-group');
    var label = item.firstElementChild;
    var list = document.createElement('ul');
    list.id = 'ds-nav-group-' + id;
    list.hidden = true;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'nav-toggle';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', list.id);
    button.setAttribute('aria-label', label.textContent + ' entries');
    var loaded = false;
    button.addEventListener('click', function () {
      var open = button.getAttribute('aria-expanded') !== 'true';
      if (!open || loaded) {
        list.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        return;
      }
      button.setAttribute('aria-busy', 'true');
      loadNavGroup(id).then(function (entries) {
        if (!loaded) entries.forEach(function (entry) { list.appendChild(navEntry(entry)); });
        loaded = true;
        list.hidden = false;
        button.setAttribute('aria-expanded', 'true');
      }, function () {
        // Unavailable (e.g. the site opened as files): the heading's link still leads to the group.
      }).then(function () { button.removeAttribute('aria-busy'); });
    });
    item.classList.add('has-toggle');
    item.insertBefore(button, label.nextSibling);
    item.appendChild(list);
  }
  document.querySelectorAll('#ds-sidebar li[data-nav-group]').forEach(addNavToggle);

  // ---- Copy buttons: copy the code as shown (placeholders were resolved at build time). ----
  document.querySelectorAll('.code-block').forEach(function (block) {
    var code = block.querySelector('pre code') || block.querySelector('pre');
    if (!code) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code');
    var timer;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(code.textContent).then(
        function () { flash('Copied'); },
        function () { flash('Copy failed'); }
      );
    });
    function flash(text) {
      button.textContent = text;
      button.setAttribute('aria-label', text);
      button.classList.add('copied');
      clearTimeout(timer);
      timer = setTimeout(function () {
        button.textContent = 'Copy';
        button.setAttribute('aria-label', 'Copy code');
        button.classList.remove('copied');
      }, 1600);
    }
    block.appendChild(button);
  });

  // ---- Copy page: the page's Markdown twin (placeholders resolved), for an AI assistant. ----
  var copyPage = document.querySelector('.copy-page');
  if (copyPage && navigator.clipboard) {
    var copyPageTimer;
    copyPage.hidden = false;
    copyPage.addEventListener('click', function () {
      fetch(copyPage.getAttribute('data-markdown'))
        .then(function (response) { if (!response.ok) throw new Error(String(response.status)); return response.text(); })
        .then(function (text) { return navigator.clipboard.writeText(text); })
        .then(function () { say('Copied'); }, function () { say('Copy failed'); });
    });
    function say(text) {
      copyPage.textContent = text;
      clearTimeout(copyPageTimer);
      copyPageTimer = setTimeout(function () { copyPage.textContent = 'Copy page'; }, 1600);
    }
  }

  // ---- Code groups: stacked blocks become tabs; the choice is remembered per group. ----
  var groups = [];
  function selectTab(group, label, save) {
    var found = group.tabs.some(function (tab) { return tab.textContent === label; });
    if (!found) return false;
    group.tabs.forEach(function (tab, i) {
      var selected = tab.textContent === label;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      group.panels[i].hidden = !selected;
    });
    if (save) {
      store('docsmith-tab:' + group.key, label);
      groups.forEach(function (other) {
        if (other !== group && other.key === group.key) selectTab(other, label, false);
      });
    }
    return true;
  }
  document.querySelectorAll('.code-group').forEach(function (element, g) {
    var panels = Array.prototype.slice.call(element.querySelectorAll(':scope > .code-group-panel'));
    if (panels.length < 2) return;
    var list = document.createElement('div');
    list.className = 'code-group-tabs';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'Code examples');
    var group = { key: element.getAttribute('data-group') || 'code', tabs: [], panels: panels };
    panels.forEach(function (panel, i) {
      var id = 'ds-tabs-' + g + '-' + i;
      var tab = document.createElement('button');
      tab.type = 'button';
      tab.id = id + '-tab';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', id);
      tab.textContent = panel.getAttribute('data-tab');
      panel.id = id;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.addEventListener('click', function () { selectTab(group, tab.textContent, true); });
      tab.addEventListener('keydown', function (event) {
        var step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        event.preventDefault();
        var next = group.tabs[(i + step + group.tabs.length) % group.tabs.length];
        selectTab(group, next.textContent, true);
        next.focus();
      });
      group.tabs.push(tab);
      list.appendChild(tab);
    });
    element.insertBefore(list, element.firstChild);
    element.classList.add('is-tabs');
    groups.push(group);
    if (!selectTab(group, store('docsmith-tab:' + group.key), false)) selectTab(group, group.tabs[0].textContent, false);
  });

  // ---- On-page TOC: mark the section being read (in the column and in the narrow screens' menu). ----
  var sections = [];
  var sectionById = {};
  document.querySelectorAll('.toc-menu a, .toc a').forEach(function (link) {
    var id = decodeURIComponent(link.hash.slice(1));
    if (!sectionById[id]) {
      var heading = document.getElementById(id);
      if (!heading) return;
      sections.push(sectionById[id] = { links: [], heading: heading });
    }
    sectionById[id].links.push(link);
  });
  var spyQueued = false;
  function spy() {
    spyQueued = false;
    if (!sections.length) return;
    var line = (parseFloat(getComputedStyle(root).scrollPaddingTop) || 80) + 8;
    var current = sections[0];
    var atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
    for (var i = 0; i < sections.length; i++) {
      if (sections[i].heading.getBoundingClientRect().top <= line) current = sections[i];
      else break;
    }
    if (atBottom && window.scrollY > 0) current = sections[sections.length - 1];
    sections.forEach(function (entry) {
      entry.links.forEach(function (link) {
        if (entry === current) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      });
    });
  }
  if (sections.length) {
    window.addEventListener('scroll', function () {
      if (!spyQueued) { spyQueued = true; requestAnimationFrame(spy); }
    }, { passive: true });
    spy();
    // The browser may restore or jump to a #hash after this script ran.
    window.addEventListener('load', spy);
    window.addEventListener('hashchange', spy);
  }

  // ---- Search (Pagefind, loaded on first use) ----
  var search = document.querySelector('.search');
  var input = document.getElementById('ds-search-input');
  var results = document.getElementById('ds-search-results');
  if (!search || !input || !results) return;
  search.hidden = false;
  var pagefind;
  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(home + 'pagefind/pagefind.js').then(function (module) {
        // The index already holds full URLs (base included); Pagefind would add the base again.
        return Promise.resolve(module.options({ baseUrl: '/' })).then(function () { return module; });
      });
    }
    return pagefind;
  }
  function escapeText(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function close() {
    results.hidden = true;
  }
  // A page's sections that matched, as Pagefind's own UI picks them: the three with the most
  // matches, in page order. Each is named by its heading and the one above it ("List Users ›
  // Example request"), and by more of the headings above while another heading of the page
  // would have the same name; sections named alike down to the h2 are numbered. Pagefind's
  // `anchors` lists the page's headings in order, with their levels.
  function subResults(page) {
    var subs = (page.sub_results || []).filter(function (sub) {
      return sub.url !== page.url && sub.title !== page.meta.title && (!sub.anchor || sub.anchor.element !== 'h1');
    });
    if (subs.length > 3) {
      var top = subs.slice().sort(function (a, b) { return b.locations.length - a.locations.length; }).slice(0, 3);
      subs = subs.filter(function (sub) { return top.indexOf(sub) !== -1; });
    }
    var trails = []; // each heading's path of heading texts, from its h2 down to itself
    var index = {};
    var trail = [];
    (page.anchors || []).forEach(function (anchor) {
      var level = /^h([2-6])$/i.exec(anchor.element);
      if (!level) return;
      while (trail.length && trail[trail.length - 1].level >= +level[1]) trail.pop();
      trail.push({ level: +level[1], text: anchor.text });
      index[anchor.id] = trails.length;
      trails.push(trail.map(function (entry) { return entry.text; }));
    });
    function tail(path, n) { return path.slice(-n).join(' › '); }
    function nameOf(i) {
      var path = trails[i];
      for (var n = Math.min(2, path.length); ; n++) {
        var text = tail(path, n);
        var alike = 0;
        var before = 0;
        trails.forEach(function (other, j) {
          if (j === i || tail(other, n) !== text) return;
          alike++;
          if (j < i && other.length === n) before++;
        });
        if (!alike) return text;
        if (n >= path.length) return before ? text + ' (' + (before + 1) + ')' : text;
      }
    }
    return subs.map(function (sub) {
      var i = sub.anchor ? index[sub.anchor.id] : undefined;
      return { url: sub.url, name: i === undefined ? sub.title : nameOf(i) };
    });
  }
  var latest = 0;
  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) { results.innerHTML = ''; close(); return; }
    loadPagefind()
      .then(function (module) { return module.search(query); })
      .then(function (found) {
        return Promise.all(found.results.slice(0, 8).map(function (result) { return result.data(); }));
      })
      .then(function (pages) {
        if (ticket !== latest) return;
        var html = '<p class="search-status" role="status">' +
          (pages.length ? pages.length + (pages.length === 1 ? ' result' : ' results') : 'No results for “' + escapeText(query) + '”') + '</p>';
        if (pages.length) {
          html += '<ul>' + pages.map(function (page) {
            var subs = subResults(page);
            // Excerpts come from Pagefind with matches wrapped in <mark>, and everything else escaped.
            return '<li class="search-hit"><a href="' + escapeText(page.url) + '"><span class="search-hit-title">' +
              escapeText(page.meta.title || page.url) + '</span><span class="search-hit-excerpt">' + page.excerpt + '</span></a>' +
              (subs.length ? '<ul class="search-sub">' + subs.map(function (sub) {
                return '<li><a href="' + escapeText(sub.url) + '">' + escapeText(sub.name) + '</a></li>';
              }).join('') + '</ul>' : '') + '</li>';
          }).join('') + '</ul>';
        }
        results.innerHTML = html;
        results.hidden = false;
      })
      .catch(function () {
        if (ticket !== latest) return;
        results.innerHTML = '<p class="search-status" role="status">Search is unavailable (open the site through a web server, not as files).</p>';
        results.hidden = false;
      });
  }
  var debounce;
  input.addEventListener('input', function () {
    clearTimeout(debounce);
    debounce = setTimeout(run, 100);
  });
  input.addEventListener('focus', function () {
    loadPagefind().catch(function () {});
    if (input.value.trim() && results.innerHTML) results.hidden = false;
  });
  function hitLinks() { return Array.prototype.slice.call(results.querySelectorAll('a')); }
  search.addEventListener('keydown', function (event) {
    var links = hitLinks();
    var at = links.indexOf(document.activeElement);
    if (event.key === 'Escape') {
      close();
      input.focus();
    } else if (event.key === 'ArrowDown' && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus();
      else links[at - 1].focus();
    } else if (event.key === 'Enter' && document.activeElement === input && links.length) {
      event.preventDefault();
      links[0].click();
    }
  });
  document.addEventListener('click', function (event) {
    if (!search.contains(event.target)) close();
  });
  // `/` (as on GitHub and VitePress) and Ctrl-K / ⌘K focus the search.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    var slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    var ctrlK = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!slash && !ctrlK) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
