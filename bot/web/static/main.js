/* Start: who is signed in (GET /app/api/me), the interface in their language, the tabs. */
(function () {
  "use strict";
  const D = window.Dash;
  const TABS = { kb: "kb", inquiries: "inbox", broadcasts: "broadcasts", stats: "stats" };
  const started = new Set();

  D.showTab = function (name) {
    for (const button of document.querySelectorAll(".tab")) {
      button.setAttribute("aria-selected", String(button.dataset.tab === name));
    }
    for (const tab of Object.keys(TABS)) document.getElementById("tab-" + tab).hidden = tab !== name;
    const part = D[TABS[name]];
    const panel = document.getElementById("tab-" + name);
    D.backButton(null);
    D.notice("", ""); // a note about the last tab's work does not belong to this one
    if (!started.has(name)) {
      started.add(name);
      return part.init(panel);
    }
    return part.show ? part.show(panel) : null;
  };

  /* Telegram's theme parameters as the --tg-theme-* variables app.css reads. telegram-web-app.js
     sets them too; without it they come from the fragment Telegram opens the page with. */
  function applyTheme(params) {
    for (const [key, value] of Object.entries(params || {})) {
      if (/^[a-z_]+$/.test(key) && /^#[0-9a-f]{3,8}$/i.test(String(value))) {
        document.documentElement.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), value);
      }
    }
  }

  function theme() {
    const tg = D.telegram;
    if (tg) {
      applyTheme(tg.themeParams);
      if (tg.onEvent) tg.onEvent("themeChanged", () => applyTheme(tg.themeParams));
      return;
    }
    try {
      applyTheme(JSON.parse(new URLSearchParams(window.location.hash.slice(1)).get("tgWebAppThemeParams") || "{}"));
    } catch (error) {
      // no theme: the light or dark fallbacks of app.css
    }
  }

  async function start() {
    if (D.telegram) {
      D.telegram.ready();
      if (D.telegram.expand) D.telegram.expand();
    }
    theme();
    D.initData = D.readInitData();
    if (!D.initData) {
      D.fatal("dash-no-telegram");
      return;
    }
    const me = await D.api("GET", "me");
    if (!me.ok) return; // 401 / 403 are shown by D.api
    if (D.langCodes.includes(me.data.language)) D.lang = me.data.language;
    D.applyTexts();
    D.me = me.data;
    let user = null;
    try {
      user = JSON.parse(new URLSearchParams(D.initData).get("user") || "null");
    } catch (error) {
      user = null;
    }
    const name = user ? [user.first_name, user.last_name].filter(Boolean).join(" ") : "";
    document.getElementById("who").textContent = `${name ? name + " · " : ""}${D.t("dash-role-" + me.data.role)}`;
    document.getElementById("app").dataset.state = "ready";
    D.notice("", "");
    const tabs = document.querySelector(".tabs");
    tabs.hidden = false;
    tabs.addEventListener("click", (event) => {
      const button = event.target.closest(".tab");
      if (button) D.showTab(button.dataset.tab);
    });
    await D.showTab("kb");
    document.getElementById("app").dataset.loaded = "kb";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
