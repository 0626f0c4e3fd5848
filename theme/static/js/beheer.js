/*
 * The preview pane of the browser editor (/beheer/): an item's texts as the site shows them.
 *
 * The pane loads the site's own stylesheet (its fingerprinted URL is in data-stylesheet) and
 * puts the classes of a site page around the title, the summary and every Markdown text, so
 * headings, lists and links look as they will on the site. This is a file, not an inline
 * script: the site's Content Security Policy allows no inline scripts, on /beheer/ neither.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;

  function text(props, field) {
    var name = field.get("name");
    var heading = name === "body" ? null : h("h2", { className: "utrecht-heading-2" }, field.get("label"));
    return h("section", { key: name, className: "werkplaatsen-section" },
      heading, h("div", { className: "utrecht-html werkplaatsen-body" }, props.widgetFor(name)));
  }

  var Preview = window.createClass({
    render: function () {
      var props = this.props;
      var data = props.entry.get("data");
      var texts = props.fields.filter(function (field) {
        return field.get("widget") === "markdown" && data.get(field.get("name"));
      });
      return h("div", { className: "utrecht-body werkplaatsen-theme" },
        h("main", { className: "utrecht-page-content werkplaatsen-main" },
          h("article", { className: "werkplaatsen-item" },
            h("header", { className: "werkplaatsen-item__header" },
              h("p", { className: "utrecht-pre-heading" }, props.collection.get("label_singular")),
              h("h1", { className: "utrecht-heading-1" }, data.get("titel")),
              data.get("samenvatting") ? h("p", { className: "utrecht-paragraph utrecht-paragraph--lead" },
                data.get("samenvatting")) : null),
            texts.map(function (field) { return text(props, field); }).toArray())));
    }
  });

  var phrases = CMS.getLocale("nl");
  // The content model's own Dutch message under a field, without "komt niet overeen met het patroon".
  phrases.editor.editorControlPane.widget.regexPattern = "%{pattern}";
  // On this computer (make beheer) saving makes a git commit and publishes nothing: the buttons say so.
  if (["localhost", "127.0.0.1"].indexOf(location.hostname) >= 0) {
    Object.assign(phrases.editor.editorToolbar, {
      publish: "Opslaan", publishing: "Opslaan...", publishNow: "Nu opslaan", published: "Opgeslagen",
      publishAndCreateNew: "Opslaan en nog een maken", publishAndDuplicate: "Opslaan en een kopie maken"
    });
  }

  CMS.registerPreviewStyle(script.dataset.stylesheet);
  script.dataset.collections.split(" ").forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });
})();
