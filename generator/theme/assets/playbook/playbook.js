/*
 * Playbook's small additions to Material's pages. Each one only adds to what is there,
 * so a page reads the same without it:
 *
 * - every copy button is named for its draft ("Copy the LinkedIn note to Anna Nowak"),
 *   and "Copied to clipboard" is announced to screen readers;
 * - the search dialog has a name;
 * - on a phone, tables of four columns or more become one card per row, each value
 *   after its column's name;
 *   a table that still scrolls sideways can be reached and scrolled by keyboard;
 * - a search typed without accents is highlighted on the page it opens ("Wroclaw"
 *   marks "Wrocław"), as the results already are.
 *
 * What this reads of Material's pages is listed in generator/site/internals.py.
 */
(function () {
  "use strict";

  var SPECIAL = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i"
  };
  var MARKS = /\p{M}/gu;
  var LETTER = /[\p{L}\p{N}]/u;

  function foldChar(c) {
    return (SPECIAL[c] || c).normalize("NFKD").replace(MARKS, "").toLowerCase();
  }

  function nameCopyButtons(root) {
    var blocks = root.querySelectorAll("pre[data-pb-copy]");
    for (var i = 0; i < blocks.length; i++) {
      var name = blocks[i].getAttribute("data-pb-copy");
      var button = blocks[i].querySelector("button[data-md-type=copy]");
      if (button && button.getAttribute("aria-label") !== name) {
        button.setAttribute("aria-label", name);
        button.setAttribute("title", name);
      }
    }
  }

  function announceDialog() {
    var dialog = document.querySelector(".md-dialog .md-dialog__inner");
    if (dialog && !dialog.hasAttribute("aria-live")) {
      dialog.setAttribute("role", "status");
      dialog.setAttribute("aria-live", "polite");
    }
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", "Search");
    }
  }

  function labelTables(root) {
    var tables = root.querySelectorAll(".pb-table table:not([data-pb-labelled])");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      var names = [];
      var headers = table.querySelectorAll("thead th");
      for (var h = 0; h < headers.length; h++) {
        names.push(headers[h].textContent.trim());
      }
      table.setAttribute("data-pb-labelled", "");
      if (names.length < 4) {
        continue;
      }
      var rows = table.querySelectorAll("tbody tr");
      for (var r = 0; r < rows.length; r++) {
        var cells = rows[r].children;
        for (var c = 0; c < cells.length && c < names.length; c++) {
          cells[c].setAttribute("data-label", names[c]);
        }
      }
      table.setAttribute("data-pb-cards", "");
    }
  }

  function headingBefore(element) {
    for (var node = element; node; node = node.previousElementSibling || node.parentElement) {
      if (/^H[1-6]$/.test(node.tagName)) {
        return node.textContent.trim();
      }
      if (node.classList && node.classList.contains("md-content__inner")) {
        break;
      }
    }
    return "";
  }

  function reachScrollingTables(root) {
    var wraps = root.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        if (!wrap.hasAttribute("tabindex")) {
          var heading = headingBefore(wrap);
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", heading ? heading + " (table, scrolls sideways)" : "Table");
        }
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  function searchTerms() {
    var query = new URLSearchParams(location.search).get("h");
    if (!query) {
      return [];
    }
    return query.split(/[\s*+\-:~^]+/).map(function (term) {
      return Array.from(term).map(foldChar).join("");
    }).filter(function (term) {
      return term.length > 0;
    });
  }

  // Marks every word that starts with a search term, accents or not.
  function highlight(root, terms) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentElement;
        if (!parent || parent.closest("mark, pre, script, style, svg, .md-code__nav")) {
          return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node);
    }
    nodes.forEach(function (textNode) {
      var text = textNode.textContent;
      var chars = Array.from(text);
      var folded = "";
      var origin = [];
      var offset = 0;
      chars.forEach(function (c) {
        var f = foldChar(c);
        for (var k = 0; k < f.length; k++) {
          folded += f[k];
          origin.push([offset, offset + c.length]);
        }
        offset += c.length;
      });
      var ranges = [];
      terms.forEach(function (term) {
        var from = 0;
        for (;;) {
          var at = folded.indexOf(term, from);
          if (at < 0) {
            break;
          }
          var startsWord = at === 0 || !LETTER.test(folded[at - 1]);
          if (startsWord) {
            ranges.push([origin[at][0], origin[at + term.length - 1][1]]);
          }
          from = at + 1;
        }
      });
      if (!ranges.length) {
        return;
      }
      ranges.sort(function (a, b) { return a[0] - b[0]; });
      var fragment = document.createDocumentFragment();
      var cursor = 0;
      ranges.forEach(function (range) {
        if (range[0] < cursor) {
          return;
        }
        fragment.appendChild(document.createTextNode(text.slice(cursor, range[0])));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = text.slice(range[0], range[1]);
        fragment.appendChild(mark);
        cursor = range[1];
      });
      fragment.appendChild(document.createTextNode(text.slice(cursor)));
      textNode.replaceWith(fragment);
    });
  }

  // Material marks exact matches too, at its own time: a mark inside a mark is undone.
  function flattenMarks(root) {
    var nested = root.querySelectorAll("mark mark");
    for (var i = 0; i < nested.length; i++) {
      nested[i].replaceWith(document.createTextNode(nested[i].textContent));
    }
  }

  function enhance() {
    var content = document.querySelector(".md-content") || document.body;
    nameCopyButtons(content);
    labelTables(content);
    reachScrollingTables(content);
    flattenMarks(content);
  }

  function start() {
    announceDialog();
    enhance();
    var article = document.querySelector(".md-content article");
    var terms = searchTerms();
    if (article && terms.length) {
      highlight(article, terms);
      // A match inside a folded block (the inbound log) opens it.
      article.querySelectorAll("details:not([open]) mark").forEach(function (mark) {
        mark.closest("details").open = true;
      });
    }
    var pending = false;
    new MutationObserver(function () {
      if (!pending) {
        pending = true;
        requestAnimationFrame(function () {
          pending = false;
          enhance();
        });
      }
    }).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", function () {
      reachScrollingTables(document);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
