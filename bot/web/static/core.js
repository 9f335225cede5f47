/* The dashboard's core: texts, building the page without innerHTML, the API client, and
   Telegram HTML shown safely. No build step: every file adds its part to window.Dash. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("dash-data").textContent);
  const D = (window.Dash = window.Dash || {});
  D.languages = data.languages; // {tg: {name, flag}, ...}
  D.langCodes = Object.keys(data.languages);
  D.lang = document.documentElement.lang || "en";
  D.tz = document.documentElement.dataset.tz || undefined;
  D.telegram = (window.Telegram && window.Telegram.WebApp) || null;

  D.t = function (key, args) {
    const own = data.texts[D.lang] || {};
    let text = Object.prototype.hasOwnProperty.call(own, key) ? own[key] : (data.texts.en || {})[key];
    if (text === undefined) return key;
    if (args) {
      text = text.replace(/\{(\w+)\}/g, (all, name) => (name in args ? String(args[name]) : all));
    }
    return text;
  };

  /* h("button", {class: "btn", onclick: f}, "text", child...): children that are not nodes
     become text nodes, so no data is ever parsed as HTML. */
  D.h = function (tag, props, ...children) {
    const el = document.createElement(tag);
    D.append(el, children);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") el.className = value;
      else if (name === "text") el.textContent = value;
      else if (name === "value") el.value = value;
      else if (name === "data") for (const [k, v] of Object.entries(value)) el.dataset[k] = v;
      else if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
      else if (value === true) el.setAttribute(name, "");
      else el.setAttribute(name, String(value));
    }
    return el;
  };

  D.append = function (el, children) {
    for (const child of [children].flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  };

  D.clear = function (el) {
    el.replaceChildren();
    return el;
  };

  D.applyTexts = function (root) {
    (root || document).querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = D.t(el.dataset.i18n); });
    (root || document).querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.placeholder = D.t(el.dataset.i18nPlaceholder);
    });
    document.documentElement.lang = D.lang;
    document.title = D.t("dash-title");
  };

  /* Where the signed initData comes from: Telegram's script, else the URL fragment Telegram
     opens the page with (#tgWebAppData=...), else a hook a test may set. */
  D.readInitData = function () {
    if (D.telegram && D.telegram.initData) return D.telegram.initData;
    const fromHash = new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppData");
    if (fromHash) return fromHash;
    return window.DASHBOARD_INIT_DATA || "";
  };

  let noticeTimer = null;
  D.notice = function (text, kind) {
    const el = document.getElementById("notice");
    el.removeAttribute("data-i18n");
    el.textContent = text || "";
    el.dataset.kind = kind || "";
    clearTimeout(noticeTimer);
    if (kind === "ok") noticeTimer = setTimeout(() => { el.textContent = ""; }, 6000);
  };

  D.fatal = function (key) {
    document.getElementById("app").dataset.state = "fatal";
    document.querySelector(".tabs").hidden = true;
    document.querySelectorAll(".panel").forEach((p) => { p.hidden = true; });
    D.notice(D.t(key), "error");
  };

  D.api = async function (method, path, body, headers) {
    const init = { method, cache: "no-store", headers: Object.assign({ Authorization: "tma " + D.initData }, headers || {}) };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch("/app/api/" + path, init);
    } catch (error) {
      D.notice(D.t("dash-network"), "error");
      throw error;
    }
    let json = null;
    try {
      json = await response.json();
    } catch (error) {
      json = null;
    }
    if (response.status === 401) D.fatal("dash-unauthorized");
    else if (response.status === 403) D.fatal("dash-denied");
    else if (response.status >= 500) D.notice(D.t("dash-error"), "error");
    return { status: response.status, ok: response.ok, data: json, etag: response.headers.get("ETag") };
  };

  D.confirm = function (text) {
    const tg = D.telegram;
    if (tg && tg.showConfirm && tg.isVersionAtLeast && tg.isVersionAtLeast("6.2")) {
      return new Promise((resolve) => tg.showConfirm(text, (ok) => resolve(Boolean(ok))));
    }
    return Promise.resolve(window.confirm(text));
  };

  D.textOf = function (value) {
    if (!value || typeof value !== "object") return value ? String(value) : "";
    return value[D.lang] || value.en || value.ru || value.tg || "";
  };

  D.formatTime = function (seconds) {
    if (!seconds) return "";
    const parts = {};
    try {
      new Intl.DateTimeFormat("en-GB", {
        timeZone: D.tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
      }).formatToParts(new Date(seconds * 1000)).forEach((p) => { parts[p.type] = p.value; });
    } catch (error) {
      return new Date(seconds * 1000).toISOString().slice(0, 16).replace("T", " ");
    }
    return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
  };

  D.duration = function (seconds) {
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return D.t("dash-st-minutes", { minutes });
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return D.t("dash-st-hours", { hours, minutes: minutes % 60 });
    return D.t("dash-st-days", { days: Math.floor(hours / 24), hours: hours % 24 });
  };

  /* Telegram HTML (what the bot sends) rebuilt node by node: only Telegram's own tags are
     kept, every text goes in as a text node, links only to http(s) and tg: addresses. */
  const TAGS = {
    B: "b", STRONG: "b", I: "i", EM: "i", U: "u", INS: "u", S: "s", STRIKE: "s", DEL: "s",
    CODE: "code", PRE: "pre", BLOCKQUOTE: "blockquote", A: "a", "TG-SPOILER": "span", SPAN: "span",
  };

  function copyNodes(source, target) {
    for (const node of source.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        target.append(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = TAGS[node.tagName];
        if (!tag) {
          copyNodes(node, target);
          continue;
        }
        const el = document.createElement(tag);
        if (tag === "a") {
          const href = node.getAttribute("href") || "";
          if (/^(https?:|tg:)/i.test(href)) {
            el.href = href;
            el.target = "_blank";
            el.rel = "noopener noreferrer";
          }
        }
        if (node.tagName === "TG-SPOILER" || (tag === "span" && node.classList.contains("tg-spoiler"))) {
          el.className = "tg-spoiler";
        }
        copyNodes(node, el);
        target.append(el);
      }
    }
  }

  D.telegramHtml = function (html) {
    // DOMParser's document is inert: nothing in it runs or loads.
    const doc = new DOMParser().parseFromString("<!doctype html><body>" + (html || ""), "text/html");
    const out = document.createDocumentFragment();
    copyNodes(doc.body, out);
    return out;
  };

  /* A message as Telegram shows it: the text, then its buttons row by row. */
  D.message = function (preview) {
    const h = D.h;
    const box = h("div", { class: "tg-message" }, D.telegramHtml(preview.html));
    const rows = (preview.buttons || []).filter((row) => row.length);
    return h("div", { class: "tg-chat" }, box,
      rows.length ? h("div", { class: "tg-buttons" },
        rows.map((row) => h("div", { class: "r" }, row.map((label) => h("span", { class: "tg-button" }, label))))) : null);
  };

  D.debounce = function (fn, ms) {
    let timer = null;
    return function (...args) {
      clearTimeout(timer);
      timer = setTimeout(() => fn.apply(this, args), ms);
    };
  };

  /* Telegram's Back button on phones, where a record or a thread covers its list. */
  let backHandler = null;
  D.backButton = function (handler) {
    const tg = D.telegram;
    if (!tg || !tg.BackButton || !(tg.isVersionAtLeast && tg.isVersionAtLeast("6.1"))) return;
    if (backHandler) tg.BackButton.offClick(backHandler);
    backHandler = handler || null;
    if (handler) {
      tg.BackButton.onClick(handler);
      tg.BackButton.show();
    } else {
      tg.BackButton.hide();
    }
  };
})();
