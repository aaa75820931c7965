/**
 * What Apps Script's HtmlService adds to a sidebar and the playground must supply itself:
 * `google.script.run` (relayed to POST /rpc) and `google.script.host`. Injected into the
 * sidebar's HTML before any of its own scripts.
 */

export interface ShimOptions {
  /** Path of the relay, on the page's own origin. */
  rpcPath: string;
  /** Proves a request comes from a sidebar this playground served. */
  token: string;
}

/** Posted to the parent page for what the host does outside the iframe. */
export const HOST_MESSAGE = 'upflow-playground-host';

// Runs in the browser: plain ES2017, no imports. `__OPTIONS__` is replaced by JSON.
const SHIM = `(function () {
  'use strict';
  var options = __OPTIONS__;
  function invoke(name, args, config) {
    var body;
    try {
      body = JSON.stringify({ name: name, args: args });
    } catch (e) {
      setTimeout(function () { fail(config, new Error('Invalid argument: ' + (e && e.message))); }, 0);
      return;
    }
    fetch(options.rpcPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-playground-token': options.token },
      body: body
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) throw new Error(answer && answer.error ? answer.error : 'HTTP ' + response.status);
        return answer;
      });
    }).then(function (answer) {
      if (answer.kind === 'return') {
        if (config.success) config.success(answer.value, config.userObject);
      } else {
        fail(config, new Error(answer.message));
      }
    }, function (error) {
      fail(config, new Error('NetworkError: Connection failure (' + (error && error.message) + ')'));
    });
  }
  function fail(config, error) {
    if (config.failure) config.failure(error, config.userObject);
    else setTimeout(function () { throw error; }, 0);
  }
  // Each with... returns a new runner, so a runner kept aside keeps its own handlers.
  function runner(config) {
    return new Proxy({}, {
      get: function (_, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, config, { success: f })); };
        if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, config, { failure: f })); };
        if (name === 'withUserObject') return function (o) { return runner(Object.assign({}, config, { userObject: o })); };
        return function () { invoke(name, Array.prototype.slice.call(arguments), config); };
      }
    });
  }
  function tellHost(action) {
    window.parent.postMessage({ type: ${JSON.stringify(HOST_MESSAGE)}, action: action }, window.location.origin);
  }
  window.google = {
    script: {
      run: runner({}),
      host: {
        origin: window.location.origin,
        close: function () { tellHost('close'); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () { tellHost('focus-editor'); } }
      }
    }
  };
})();`;

/** JSON inside a script element: `<` escaped so no value can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

function shimScript(options: ShimOptions): string {
  return SHIM.replace('__OPTIONS__', () => scriptJson(options));
}

/** Puts the shim first in the document, before the sidebar's own script needs it. */
export function injectShim(html: string, options: ShimOptions): string {
  const tag = `<script>${shimScript(options)}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
