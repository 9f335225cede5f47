/* Problems the API found in a record (422), shown next to the field and language they concern. */
(function () {
  "use strict";
  const D = window.Dash;
  const h = D.h;
  const F = D.form;

  F.message = function (e) {
    switch (e.code) {
      case "missing": return D.t("dash-err-required");
      case "too_long": return D.t("dash-err-too-long", { limit: e.limit });
      case "unknown_reference": return D.t("dash-err-unknown-ref");
      case "extra_forbidden": return D.t("dash-err-extra");
      case "enum": case "literal_error": return D.t("dash-err-choice");
      case "referenced":
        return D.t("dash-err-referenced", { refs: e.by ? `${D.t("dash-kind-" + e.by.kind)}: ${e.by.id}` : e.message });
      default:
        if (/^date/.test(e.code)) return D.t("dash-err-date");
        if (/^int/.test(e.code)) return D.t("dash-err-number");
        if (/at least one of tg, ru, en/.test(e.message || "")) return D.t("dash-err-empty-text");
        return e.message;
    }
  };

  F.clearErrors = function (root) {
    root.querySelectorAll(".invalid").forEach((el) => el.classList.remove("invalid"));
    root.querySelectorAll(".errors, .form-errors").forEach((el) => D.clear(el));
  };

  /* Each problem next to its input (field and language), else by its field, else on top. */
  F.showErrors = function (root, general, errors) {
    F.clearErrors(root);
    D.clear(general);
    for (const e of errors) {
      const text = F.message(e);
      const input = e.path ? root.querySelector(`[data-path="${CSS.escape(e.path)}"]`) : null;
      const block = e.field ? root.querySelector(`[data-field="${CSS.escape(e.field)}"]`) : null;
      if (!input && block) block.classList.add("invalid");
      if (input) {
        input.classList.add("invalid");
        const cell = input.closest(".lang");
        if (cell) cell.classList.add("invalid");
      }
      const where = (input && input.closest(".field")) || (block && (block.closest(".field") || block));
      const list = where && where.querySelector(":scope > .errors");
      const prefix = e.language ? `${e.language.toUpperCase()}: ` : "";
      D.append(list || general, h("div", {}, prefix + text));
    }
    const marked = root.querySelector(".field .errors:not(:empty)");
    const first = (marked && marked.closest(".field")) || general;
    if (first.scrollIntoView) first.scrollIntoView({ block: "start", behavior: "smooth" });
  };
})();
