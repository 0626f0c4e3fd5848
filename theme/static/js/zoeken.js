/*
 * Search on /zoeken/, on Pagefind's JavaScript API (the index the build writes to /pagefind/).
 *
 * Without JavaScript the page offers the overviews instead. With it, this script hides that
 * offer, searches for the words in the field (also for ?q= on arrival) with the chosen filters,
 * and lists the results: type, date, title and an excerpt in which Pagefind marks the words
 * found. The number of results is announced (role="status"); the list is aria-busy while a
 * search runs. The address follows the search, so a reload or a shared link shows the same
 * results. If the index cannot be loaded, the page says so and offers the overviews again.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var TYPING_PAUSE = 300; // milliseconds after the last key press
  var SITE_PATH = /^\/(?!\/)/;

  var form = document.getElementById("zoeken");
  if (!form) {
    return;
  }
  var field = form.elements.q;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var status = document.getElementById("zoekstatus");
  var list = document.getElementById("zoekresultaten");
  var more = document.getElementById("meer-resultaten");
  var browse = document.getElementById("bladeren");
  var results = [];
  var latest = 0; // the number of the newest search: answers to older ones are dropped
  var timer = null;

  function done(message) {
    status.textContent = message;
    list.removeAttribute("aria-busy");
  }

  function failed() {
    done("Zoeken lukt nu niet. U kunt wel bladeren via de overzichten hieronder.");
    browse.hidden = false;
  }

  browse.hidden = true;
  // Pagefind (its code, WebAssembly and index) loads at the first search, not with the page.
  var pagefind = null;

  function engine() {
    if (!pagefind) {
      pagefind = import(form.getAttribute("data-pagefind")).then(function (module) {
        return module.init().then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    node.className = className;
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  // Pagefind's excerpt is escaped text with <mark> around the words found. It is rebuilt from
  // exactly that, text as text and each <mark> as a new element, so nothing else can become markup.
  function excerpt(html) {
    var paragraph = element("p", "utrecht-paragraph");
    var parsed = new DOMParser().parseFromString(html, "text/html").body.childNodes;
    Array.prototype.forEach.call(parsed, function (node) {
      paragraph.appendChild(node.nodeName === "MARK" ? element("mark", "utrecht-mark", node.textContent)
        : document.createTextNode(node.textContent));
    });
    return paragraph;
  }

  function result(data) {
    var item = element("li", "werkplaatsen-result");
    var facts = [data.meta.soort, data.meta.datum].filter(Boolean).join(" · ");
    item.appendChild(element("p", "utrecht-pre-heading", facts));
    var heading = element("h2", "utrecht-heading-2");
    var link = element("a", "utrecht-link utrecht-link--html-a", data.meta.title);
    // meta.url is where a result leads (a lesson: its card on the report), set by the build.
    link.href = SITE_PATH.test(data.meta.url || "") ? data.meta.url : data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(excerpt(data.excerpt));
    return item;
  }

  function summary(count, term) {
    var words = term ? " voor “" + term + "”" : "";
    if (count === 0) {
      return "Geen resultaten" + words + ". Probeer een ander woord of minder filters.";
    }
    return (count === 1 ? "1 resultaat" : count + " resultaten") + words + ".";
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) {
      if (select.value) {
        filters[select.name] = select.value;
      }
    });
    return filters;
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    field.value = params.get("q") || "";
    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      select.value = known ? wanted : "";
    });
  }

  function writeAddress() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value.trim()) {
        params.append(name, value.trim());
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  // Show the next results after those shown; resolves to the new list items (none if outdated).
  function showMore(search) {
    var next = results.slice(list.children.length, list.children.length + PAGE_SIZE);
    return Promise.all(next.map(function (found) { return found.data(); })).then(function (page) {
      if (search !== latest) {
        return [];
      }
      var items = page.map(result);
      items.forEach(function (item) { list.appendChild(item); });
      more.hidden = list.children.length >= results.length;
      return items;
    });
  }

  function search() {
    var number = ++latest;
    var term = field.value.trim();
    var filters = chosenFilters();
    writeAddress();
    if (!term && Object.keys(filters).length === 0) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      done("");
      return Promise.resolve();
    }
    list.setAttribute("aria-busy", "true");
    return engine().then(function (module) {
      return module.search(term || null, { filters: filters });
    }).then(function (found) {
      if (number !== latest) {
        return;
      }
      results = found.results;
      list.replaceChildren();
      return showMore(number).then(function () {
        if (number === latest) {
          done(summary(results.length, term));
        }
      });
    }).catch(failed);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    search();
  });
  field.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, TYPING_PAUSE);
  });
  selects.forEach(function (select) {
    select.addEventListener("change", search);
  });
  more.addEventListener("click", function () {
    showMore(latest).then(function (items) {
      if (items.length) {
        items[0].querySelector("a").focus();
      }
    });
  });

  readAddress();
  if (field.value || Object.keys(chosenFilters()).length) {
    search();
  }
})();
