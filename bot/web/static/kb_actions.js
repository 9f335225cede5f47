/* The knowledge-base tab, continued: the live preview of the students' card, saving, adding
   and deleting (kb.js lays the tab out and hands its state over as Dash.kb.state / .el). */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const F = D.form;
  const KB = D.kb;
  const S = KB.state;
  const el = KB.el;
  const { TARGETS, kindSpec, titleOf, showList, loadOptions, loadKind } = KB;

  function renderLangs() {
    D.clear(el.langs);
    for (const lang of D.langCodes) {
      el.langs.append(h("button", {
        type: "button", class: "chip-btn", "aria-pressed": String(lang === S.previewLang), data: { lang },
        onclick: () => { S.previewLang = lang; renderLangs(); schedulePreview(true); },
      }, D.languages[lang].name));
    }
  }

  let previewSeq = 0;
  async function preview() {
    if (!S.draft) return;
    const spec = kindSpec(S.kind);
    const seq = ++previewSeq;
    const response = await D.api("POST", "kb-preview/" + S.kind, { record: F.clean(spec.fields, S.draft), lang: S.previewLang });
    if (seq !== previewSeq) return; // a newer preview is on its way
    D.clear(el.preview);
    if (response.status === 422) el.preview.append(h("p", { class: "hint" }, D.t("dash-kb-preview-invalid")));
    else if (response.ok && !response.data.card) el.preview.append(h("p", { class: "hint" }, D.t("dash-kb-preview-none")));
    else if (response.ok) el.preview.append(D.message(response.data));
  }
  const debounced = D.debounce(preview, 450);
  function schedulePreview(now) {
    if (now) preview();
    else debounced();
  }

  async function save() {
    const spec = kindSpec(S.kind);
    const body = F.clean(spec.fields, S.draft);
    el.save.disabled = true;
    delete el.save.dataset.state;
    D.notice(D.t("dash-kb-saving"), "");
    let response;
    try {
      response = S.isNew
        ? await D.api("POST", "kb/" + S.kind, body)
        : await D.api("PUT", `kb/${S.kind}/${encodeURIComponent(S.selected)}`, body, S.rev ? { "If-Match": S.rev } : {});
    } finally {
      el.save.disabled = false;
    }
    if (response.status === 422) {
      F.showErrors(el.form, el.general, response.data.errors || []);
      D.notice(D.t("dash-kb-invalid"), "error");
      el.save.dataset.state = "invalid";
      return;
    }
    if (response.status === 409) {
      D.notice(response.data && response.data.error === "exists"
        ? D.t("dash-kb-exists", { id: response.data.id }) : D.t("dash-kb-conflict"), "error");
      el.save.dataset.state = "conflict";
      return;
    }
    if (!response.ok) return;
    const action = response.data.action;
    if (TARGETS.includes(S.kind)) await loadOptions();
    await loadKind();
    await KB.open(response.data.id);
    D.notice(D.t(action === "add" ? "dash-kb-added" : action === "none" ? "dash-kb-unchanged" : "dash-kb-saved"), "ok");
    el.save.dataset.state = "saved"; // set last: the form and the list show the saved record
  }

  async function remove() {
    const spec = kindSpec(S.kind);
    if (!(await D.confirm(D.t("dash-kb-delete-confirm", { name: titleOf(S.draft, spec) })))) return;
    const response = await D.api("DELETE", `kb/${S.kind}/${encodeURIComponent(S.selected)}`, undefined,
      S.rev ? { "If-Match": S.rev } : {});
    if (response.status === 422) {
      F.showErrors(el.form, el.general, response.data.errors || []);
      D.notice(D.t("dash-kb-invalid"), "error");
      return;
    }
    if (response.status === 409) {
      D.notice(D.t("dash-kb-conflict"), "error");
      return;
    }
    if (!response.ok) return;
    D.notice(D.t("dash-kb-deleted"), "ok");
    if (TARGETS.includes(S.kind)) await loadOptions();
    await KB.selectKind(S.kind);
    showList();
  }

  KB.renderLangs = renderLangs;
  KB.schedulePreview = schedulePreview;
  KB.save = save;
  KB.remove = remove;
})();
