/*
 * Playbook's stand-in for Web Workers on file:// pages, and the accent folding of the
 * search worker (search-fold.js, beside this file) on every page.
 *
 * Browsers refuse to start a Worker from a file:// page, and the site search runs in
 * one. When the site is opened from disk, this replaces `Worker` with an object that
 * runs the worker script inside a hidden iframe of the same page and passes messages
 * across. Served over http, the search worker is started through search-fold.js,
 * which loads Material's worker and then folds its words. The file name contains
 * "iframe-worker" so that Material's offline plugin uses it instead of fetching its
 * own shim from the internet.
 *
 * What this takes from Material is listed in generator/site/internals.py.
 */
(function () {
  "use strict";
  var here = document.currentScript ? document.currentScript.src : location.href;
  var FOLD = new URL("search-fold.js", here).href;

  function isSearch(url) {
    return /\/workers\/search\.[^/]*\.js/.test(String(url));
  }

  if (location.protocol !== "file:") {
    var NativeWorker = window.Worker;
    if (typeof NativeWorker !== "function") {
      return;
    }
    var Folding = function (url, options) {
      if (!isSearch(url)) {
        return new NativeWorker(url, options);
      }
      var material = new URL(String(url), document.baseURI).href;
      return new NativeWorker(FOLD + "?worker=" + encodeURIComponent(material), options);
    };
    Folding.prototype = NativeWorker.prototype;
    window.Worker = Folding;
    return;
  }

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    var scriptUrl = String(url);
    frame.hidden = true;
    document.body.appendChild(frame);
    var inner = frame.contentWindow;

    // Inside the frame, the worker's postMessage goes to this page, and
    // importScripts loads scripts one after another.
    inner.postMessage = function (data) {
      deliver(data);
    };
    inner.importScripts = function () {
      var sources = Array.prototype.slice.call(arguments);
      return sources.reduce(function (previous, source) {
        return previous.then(function () {
          return new Promise(function (resolve, reject) {
            var script = inner.document.createElement("script");
            script.src = source;
            script.onload = resolve;
            script.onerror = reject;
            inner.document.body.appendChild(script);
          });
        });
      }, Promise.resolve());
    };

    function deliver(data) {
      var event = new MessageEvent("message", { data: data });
      target.dispatchEvent(event);
      if (typeof worker.onmessage === "function") {
        worker.onmessage(event);
      }
    }

    var ready = new Promise(function (resolve, reject) {
      inner.document.open();
      inner.document.write("<!doctype html><html><head></head><body></body></html>");
      inner.document.close();
      var script = inner.document.createElement("script");
      script.src = scriptUrl;
      script.onload = function () {
        if (!isSearch(scriptUrl)) {
          resolve();
          return;
        }
        var fold = inner.document.createElement("script");
        fold.src = FOLD;
        fold.onload = resolve;
        fold.onerror = resolve;
        inner.document.body.appendChild(fold);
      };
      script.onerror = function () {
        var error = new ErrorEvent("error", { message: "cannot load " + scriptUrl });
        target.dispatchEvent(error);
        if (typeof worker.onerror === "function") {
          worker.onerror(error);
        }
        reject(error);
      };
      inner.document.body.appendChild(script);
    });

    var worker = {
      onmessage: null,
      onerror: null,
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
      dispatchEvent: target.dispatchEvent.bind(target),
      postMessage: function (data) {
        ready.then(function () {
          inner.dispatchEvent(new MessageEvent("message", { data: data }));
        }, function () {});
      },
      terminate: function () {
        frame.remove();
      }
    };
    return worker;
  }

  window.Worker = FrameWorker;
})();
