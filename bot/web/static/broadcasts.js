/* The broadcasts tab: a version per language, the audience with live recipient counts, the
   students' preview, sending through the bot's broadcast service, progress, recent ones. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const S = { audiences: [], audience: "all", job: null, timer: null };
  const el = {};
  const FINISHED = ["done", "cancelled", "deleted"];

  function audienceName(audience) {
    const [kind, value] = audience.split(":");
    if (kind === "topic") return D.t("sub-topic-" + value);
    if (kind === "lang") return D.t("dash-bc-aud-lang", { language: `${D.languages[value].flag} ${D.languages[value].name}` });
    return D.t("dash-bc-aud-all");
  }

  function versions() {
    const out = {};
    for (const area of el.versions.querySelectorAll("textarea")) {
      if (area.value.trim()) out[area.dataset.lang] = area.value;
    }
    return out;
  }

  function layout(panel) {
    el.versions = h("div", { class: "versions" }, D.langCodes.map((lang) => h("label", { class: "lang", data: { lang } },
      h("span", { class: "lang-head" }, `${D.languages[lang].flag} ${D.languages[lang].name}`),
      h("textarea", { class: "in", rows: 6, lang, dir: "auto", data: { lang } }))));
    el.audience = h("select", { class: "in", "data-field": "audience", onchange: (e) => { S.audience = e.target.value; renderCount(); } });
    el.count = h("span", { class: "hint" });
    el.errors = h("div", { class: "form-errors" });
    el.preview = h("div", {});
    el.progress = h("div", { class: "card", hidden: true });
    el.recent = h("div", { class: "scroll" });
    D.clear(panel).append(
      h("div", { class: "card" }, h("h2", {}, D.t("dash-bc-compose")), h("p", { class: "hint" }, D.t("dash-bc-hint")),
        el.versions,
        h("div", { class: "row" }, h("span", { class: "field-label" }, D.t("dash-bc-audience")),
          h("div", { class: "grow" }, el.audience), el.count),
        el.errors,
        h("div", { class: "actions" },
          h("button", { type: "button", class: "btn secondary", "data-action": "bc-preview", onclick: () => preview() }, D.t("dash-bc-preview")),
          h("button", { type: "button", class: "btn", "data-action": "bc-send", onclick: () => send() }, D.t("dash-bc-send"))),
        el.preview),
      el.progress,
      h("div", { class: "card" }, h("h2", {}, D.t("dash-bc-recent")), el.recent));
  }

  function renderCount() {
    const found = S.audiences.find((a) => a.audience === S.audience);
    el.count.textContent = found ? D.t("dash-bc-recipients", { count: found.total }) : "";
  }

  async function loadAudiences() {
    const response = await D.api("GET", "broadcasts/audiences");
    if (!response.ok) return;
    S.audiences = response.data;
    D.clear(el.audience).append(...S.audiences.map((a) => h("option", { value: a.audience }, `${audienceName(a.audience)} (${a.total})`)));
    el.audience.value = S.audience;
    renderCount();
  }

  function problems(response) {
    D.clear(el.errors);
    for (const e of (response.data && response.data.errors) || []) {
      const text = e.code === "missing" ? D.t("dash-bc-empty") : e.code === "too_long" ? D.t("dash-err-too-long", { limit: e.limit }) : e.message;
      el.errors.append(h("div", {}, (e.language ? e.language.toUpperCase() + ": " : "") + text));
    }
  }

  async function preview() {
    const response = await D.api("POST", "broadcasts/preview", { versions: versions(), audience: S.audience });
    D.clear(el.preview);
    if (!response.ok) {
      problems(response);
      return;
    }
    D.clear(el.errors);
    for (const lang of D.langCodes) {
      el.preview.append(h("div", { class: "tg-lang" }, `${D.languages[lang].flag} ${D.languages[lang].name} · ${D.t("dash-bc-recipients", { count: response.data.counts[lang] })}`),
        D.message(response.data.previews[lang]));
    }
  }

  async function send() {
    const found = S.audiences.find((a) => a.audience === S.audience);
    const body = { versions: versions(), audience: S.audience };
    if (!Object.keys(body.versions).length) {
      problems({ data: { errors: [{ code: "missing" }] } });
      return;
    }
    if (!found || !found.total) {
      D.notice(D.t("dash-bc-no-recipients"), "error");
      return;
    }
    if (!(await D.confirm(D.t("dash-bc-confirm", { count: found.total })))) return;
    const response = await D.api("POST", "broadcasts", body);
    if (response.status === 422) {
      problems(response);
      return;
    }
    if (response.status === 409) {
      D.notice(D.t("dash-bc-no-recipients"), "error");
      return;
    }
    if (!response.ok) return;
    D.notice(D.t("dash-bc-queued", { id: response.data.id }), "ok");
    el.versions.querySelectorAll("textarea").forEach((area) => { area.value = ""; });
    D.clear(el.preview);
    watch(response.data);
  }

  function renderProgress(job) {
    const f = job.figures;
    const share = f.total ? Math.round((100 * f.done) / f.total) : 0;
    const bar = h("span", {});
    bar.style.width = share + "%";
    D.append(D.clear(el.progress), [
      h("h3", {}, `#${job.id} · ${audienceName(job.audience)} · ${D.t("dash-bc-status-" + job.status)}`),
      h("div", { class: "progress" }, bar),
      h("div", {}, D.t("dash-bc-progress", { done: f.done, total: f.total })),
      h("div", { class: "hint" }, `${D.t("dash-bc-sent")}: ${f.sent} · ${D.t("dash-bc-blocked")}: ${f.blocked} · ${D.t("dash-bc-failed")}: ${f.failed}`),
      FINISHED.includes(job.status) ? null
        : h("div", { class: "actions" }, h("button", { type: "button", class: "btn danger", onclick: () => cancel(job.id) }, D.t("dash-bc-cancel")))]);
    el.progress.hidden = false;
  }

  function watch(job) {
    clearTimeout(S.timer);
    S.job = job;
    renderProgress(job);
    if (FINISHED.includes(job.status)) {
      loadRecent();
      return;
    }
    S.timer = setTimeout(async () => {
      const response = await D.api("GET", "broadcasts/" + job.id);
      if (response.ok) watch(response.data);
    }, 2000);
  }

  async function cancel(id) {
    const response = await D.api("POST", `broadcasts/${id}/cancel`);
    if (response.ok) watch(response.data);
  }

  async function loadRecent() {
    const response = await D.api("GET", "broadcasts");
    if (!response.ok) return;
    D.clear(el.recent);
    if (!response.data.length) {
      el.recent.append(h("p", { class: "muted" }, D.t("dash-bc-none")));
      return;
    }
    el.recent.append(h("table", { class: "list" },
      h("thead", {}, h("tr", {}, ["#", "", D.t("dash-bc-audience"), D.t("dash-bc-total"), D.t("dash-bc-sent"),
        D.t("dash-bc-blocked"), D.t("dash-bc-failed")].map((title) => h("th", {}, title)))),
      h("tbody", {}, response.data.map((job) => h("tr", {},
        h("td", {}, String(job.id)),
        h("td", {}, D.formatTime(job.created_at), h("div", { class: "hint" }, D.t("dash-bc-status-" + job.status))),
        h("td", {}, audienceName(job.audience)),
        h("td", {}, String(job.figures.total)),
        h("td", {}, String(job.figures.sent)),
        h("td", {}, String(job.figures.blocked)),
        h("td", {}, String(job.figures.failed)))))));
  }

  D.broadcasts = {
    init: async function (panel) {
      layout(panel);
      await Promise.all([loadAudiences(), loadRecent()]);
    },
    show: async function () {
      await Promise.all([loadAudiences(), loadRecent()]);
    },
  };
})();
