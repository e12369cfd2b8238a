/*
 * Search that forgives accents, inside Material's search worker.
 *
 * Loaded right after Material's worker script (as the worker itself on http, where it
 * imports Material's script named in its address; as a second script in the iframe
 * that stands in for the worker on file://). It folds every word lunr indexes or looks
 * up to its letters without accents ("Wrocław" → "wroclaw"), so "Wroclaw" finds
 * "Wrocław" and lunr's own positions point at the accented word: the results highlight
 * it. The letters match generator/model/names.py, which folds names the same way.
 *
 * What this takes from Material and lunr is listed in generator/site/internals.py.
 */
(function (scope) {
  "use strict";
  if (typeof scope.document === "undefined" && typeof scope.importScripts === "function") {
    var material = new URL(scope.location.href).searchParams.get("worker");
    if (material) {
      scope.importScripts(material);
    }
  }
  var lunr = scope.lunr;
  if (!lunr || lunr.playbookFolded) {
    return;
  }
  lunr.playbookFolded = true;

  var SPECIAL = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i"
  };
  var MARKS = /\p{M}/gu;

  function fold(text) {
    var plain = text.replace(/[łŁøØđĐðÐþÞßæÆœŒı]/g, function (c) { return SPECIAL[c]; });
    return plain.normalize("NFKD").replace(MARKS, "");
  }

  // Every token, indexed or searched, is folded before the rest of the pipeline runs.
  var run = lunr.Pipeline.prototype.run;
  lunr.Pipeline.prototype.run = function (tokens) {
    for (var i = 0; i < tokens.length; i++) {
      tokens[i].update(fold);
    }
    return run.call(this, tokens);
  };
  // Terms with a wildcard skip the pipeline: fold them where they enter the query.
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (entry) {
    if (entry && typeof entry.term === "string") {
      entry.term = fold(entry.term);
    }
    return clause.call(this, entry);
  };
})(self);
