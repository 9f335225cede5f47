/* The knowledge-base tab: kinds, a searchable list with translation flags, the record form,
   the live preview of the students' card, and save / add / delete through the API. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const F = D.form;
  const TARGETS = ["partners", "countries", "projects"]; // kinds other records link to

  const S = {
    kinds: [], counts: {}, kind: null, records: [], status: {}, selected: null, isNew: false,
    draft: null, rev: null, touched: new Set(), previewLang: null, options: {}, query: "", dirty: false,
  };
  const el = {};

  function kindSpec(name) {
    return S.kinds.find((k) => k.kind === name);
  }

  function keyOf(record, spec) {
    return spec.single ? "main" : String(record[spec.key]);
  }

  function titleOf(record, spec) {
    return D.textOf(record[spec.title]) || D.t("dash-kind-" + spec.kind);
  }

  function layout(panel) {
    el.kinds = h("div", { class: "kinds", role: "toolbar" });
    el.search = h("input", {
      class: "in grow", type: "search", placeholder: D.t("dash-kb-search"), "data-i18n-placeholder": "dash-kb-search",
      oninput: (event) => { S.query = event.target.value.trim().toLowerCase(); renderList(); },
    });
    el.add = h("button", { type: "button", class: "btn", "data-action": "add", onclick: () => KB.startNew({}) }, D.t("dash-kb-add"));
    el.count = h("div", { class: "hint" });
    el.list = h("ul", { class: "records" });
    el.title = h("h2", {}, D.t("dash-kb-pick"));
    el.back = h("button", { type: "button", class: "link back", onclick: () => showList() }, D.t("dash-back"));
    el.general = h("div", { class: "form-errors" });
    el.form = h("form", { id: "kb-form", novalidate: true, onsubmit: (event) => { event.preventDefault(); KB.save(); } });
    el.save = h("button", { type: "button", class: "btn", "data-action": "save", onclick: () => KB.save() }, D.t("dash-kb-save"));
    el.remove = h("button", { type: "button", class: "btn danger", "data-action": "delete", onclick: () => KB.remove() }, D.t("dash-kb-delete"));
    el.actions = h("div", { class: "actions", hidden: true }, el.save, el.remove);
    el.langs = h("div", { class: "lang-switch" });
    el.preview = h("div", { class: "preview-box", "data-preview": "" });
    el.root = h("div", { class: "kb", data: { view: "list" } },
      h("aside", { class: "kb-side card" }, el.kinds, h("div", { class: "row" }, el.search, el.add), el.count, el.list),
      h("div", { class: "kb-main card" }, h("div", { class: "editor-head" }, el.back, el.title), el.actions, el.general, el.form),
      h("aside", { class: "kb-preview card" }, h("h3", {}, D.t("dash-kb-preview")), el.langs,
        h("p", { class: "hint" }, D.t("dash-kb-preview-hint")), el.preview));
    D.clear(panel).append(el.root);
  }

  function showList() {
    el.root.dataset.view = "list";
    D.backButton(null);
  }

  function showRecord() {
    el.root.dataset.view = "record";
    D.backButton(() => showList());
  }

  function renderKinds() {
    D.clear(el.kinds);
    for (const spec of S.kinds) {
      el.kinds.append(h("button", {
        type: "button", class: "chip-btn", "aria-pressed": String(spec.kind === S.kind), data: { kind: spec.kind },
        onclick: () => KB.selectKind(spec.kind),
      }, D.t("dash-kind-" + spec.kind), h("span", { class: "n" }, String(S.counts[spec.kind] ?? ""))));
    }
  }

  function flagsOf(key) {
    const status = S.status[key] || {};
    const count = (map) => Object.values(map || {}).reduce((n, langs) => n + langs.length, 0);
    return { missing: count(status.missing), stale: count(status.stale) };
  }

  function renderList() {
    const spec = kindSpec(S.kind);
    D.clear(el.list);
    const shown = S.records.filter((record) => !S.query || JSON.stringify(record).toLowerCase().includes(S.query));
    el.count.textContent = D.t("dash-kb-count", { count: shown.length });
    el.add.hidden = spec.single;
    if (!shown.length) el.list.append(h("li", { class: "muted" }, D.t("dash-kb-empty")));
    for (const record of shown) {
      const key = keyOf(record, spec);
      const flags = flagsOf(key);
      el.list.append(h("li", {}, h("button", {
        type: "button", class: "rec", "aria-current": String(key === S.selected), data: { id: key },
        onclick: () => KB.open(key),
      }, h("span", { class: "t" }, titleOf(record, spec)),
      h("span", { class: "s" }, spec.single ? null : h("span", {}, key),
        flags.missing ? h("span", { class: "flag missing" }, D.t("dash-kb-badge-missing", { count: flags.missing })) : null,
        flags.stale ? h("span", { class: "flag stale" }, D.t("dash-kb-badge-stale", { count: flags.stale })) : null))));
    }
  }

  function context() {
    return {
      kind: kindSpec(S.kind), draft: S.draft, status: S.status[S.selected] || {}, touched: S.touched,
      options: S.options, isNew: S.isNew,
      changed: () => { S.dirty = true; F.clearErrors(el.form); KB.schedulePreview(); },
      rerender: () => renderForm(),
    };
  }

  function renderForm() {
    const spec = kindSpec(S.kind);
    el.title.textContent = S.isNew ? D.t("dash-kb-new") : titleOf(S.draft, spec);
    F.build(el.form, context());
    el.actions.hidden = false;
    el.remove.hidden = S.isNew || spec.single;
    D.clear(el.general);
  }

  async function loadOptions() {
    await Promise.all(TARGETS.map(async (name) => {
      const spec = kindSpec(name);
      const response = await D.api("GET", "kb/" + name);
      if (response.ok) {
        S.options[name] = response.data.map((r) => ({ id: keyOf(r, spec), label: titleOf(r, spec) }))
          .sort((a, b) => a.label.localeCompare(b.label));
      }
    }));
  }

  async function loadKind() {
    const [records, status] = await Promise.all([D.api("GET", "kb/" + S.kind), D.api("GET", "kb-status/" + S.kind)]);
    if (!records.ok || !status.ok) return;
    S.records = records.data;
    S.status = status.data;
    S.counts[S.kind] = S.records.length;
    renderKinds();
    renderList();
  }

  // Shared with kb_actions.js (preview, save, delete), which is loaded after this file.
  const KB = (D.kb = { state: S, el, TARGETS, kindSpec, titleOf, showList, loadOptions, loadKind });
  window.addEventListener("resize", D.debounce(() => el.form && el.form.querySelectorAll("textarea.auto").forEach(F.fit), 150));

  KB.init = async function (panel) {
    layout(panel);
    S.previewLang = D.lang;
    KB.renderLangs();
    const response = await D.api("GET", "kb");
    if (!response.ok) return;
    S.kinds = response.data.kinds;
    S.counts = response.data.counts;
    await loadOptions();
    await KB.selectKind("partners");
  };

  KB.selectKind = async function (name) {
    S.kind = name;
    S.selected = null;
    S.query = "";
    el.search.value = "";
    S.draft = null;
    D.clear(el.form);
    D.clear(el.preview);
    el.actions.hidden = true;
    el.title.textContent = D.t("dash-kb-pick");
    renderKinds();
    await loadKind();
    if (kindSpec(name).single && S.records.length) await KB.open("main");
  };

  KB.open = async function (key) {
    const response = await D.api("GET", `kb/${S.kind}/${encodeURIComponent(key)}`);
    if (!response.ok) return;
    S.selected = key;
    S.isNew = false;
    S.draft = response.data;
    S.rev = response.etag;
    S.touched = new Set();
    S.dirty = false;
    renderForm();
    renderList();
    showRecord();
    KB.schedulePreview(true);
  };

  /* A new record of the current kind (or of ``kind``), ``prefill`` merged into its blank form. */
  KB.startNew = async function (prefill, kind) {
    if (kind && kind !== S.kind) await KB.selectKind(kind);
    const spec = kindSpec(S.kind);
    if (spec.single) return;
    S.selected = null;
    S.isNew = true;
    S.rev = null;
    S.draft = Object.assign(F.blankRecord(spec.fields), prefill || {});
    S.touched = new Set();
    renderForm();
    renderList();
    showRecord();
    KB.schedulePreview(true);
  };
})();
