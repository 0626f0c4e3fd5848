/*
 * The browser editor (/beheer/) around Decap CMS: its words, the file picker and the preview pane.
 *
 * - Words: Decap's Dutch, completed, with "u" throughout, and the messages the form needs (the
 *   model's own message under a field; on this computer, "opslaan" instead of "publiceren").
 * - Looks: errors in ordinary letters, not capitals; Decap's "(optioneel)" hidden, because the
 *   configuration (plugins/werkplaatsen/editor/decap.py) writes "(niet verplicht)" itself where it
 *   is true; the login page's logo is the site's name, and says so to a screen reader.
 * - The file picker (widget "bestand"): every file in content/bestanden/ and its folders to choose
 *   from (make beheer lists them at the field's "files_url"), and a button that opens Decap's media
 *   library on the field's own folder to upload a new file into it.
 * - The preview pane: an item's texts in the site's own stylesheet (its fingerprinted URL is in
 *   data-stylesheet), with the classes of a site page around the title, the summary and every
 *   Markdown text.
 * - The content's problems (make beheer): after every save it asks the preview (data-problems,
 *   werkplaatsen.build.problems) until the save is taken in, and shows the problems
 *   `make check` would print in a panel at the foot of the screen, or nothing when all is well.
 *
 * This is a file, not an inline script: the site's Content Security Policy allows no inline
 * scripts, on /beheer/ neither.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var CMS = window.CMS;
  var h = window.h;
  var local = ["localhost", "127.0.0.1"].indexOf(location.hostname) >= 0;

  // --- Words -----------------------------------------------------------------------------------

  var phrases = CMS.getLocale("nl");
  function put(path, words) {
    var place = phrases;
    path.split(".").forEach(function (key) { place = place[key] = place[key] || {}; });
    Object.assign(place, words);
  }
  put("auth", { loginWithForgejo: "Inloggen met Forgejo" });
  put("app.app", { checkConfigYml: "Controleer het bestand config.yml." });
  put("collection.collectionTop", { viewAsList: "Als lijst tonen", viewAsGrid: "Als tegels tonen" });
  put("collection.entries", { unpublishedHeader: "Niet gepubliceerde items" });
  put("editor.editorControl.field", { widgetLabel: "veld %{widgetLabel}" });
  put("editor.editorControlPane.widget", {
    // The content model's own Dutch message under a field, without "komt niet overeen met het patroon".
    regexPattern: "%{pattern}",
    required: "%{fieldLabel} is verplicht.",
    invalidPath: "'%{path}' is geen geldig pad.",
    pathExists: "Het pad '%{path}' bestaat al."
  });
  put("editor.editorControlPane.i18n", {
    copyFromLocale: "Overnemen uit een andere taal",
    copyFromLocaleConfirm: "Wilt u de velden overnemen uit %{locale}?\nWat er nu staat, wordt overschreven."
  });
  put("editor.editor", {
    onLeavePage: "Weet u zeker dat u deze pagina wilt verlaten? Wat u niet hebt opgeslagen, gaat verloren."
  });
  put("editor.editorInterface", { toggleNotes: "Notities tonen of verbergen" });
  put("editor.editorNotesPane", {
    title: "Notities", emptyState: "Nog geen notities.", addNote: "Notitie toevoegen",
    addPlaceholder: "Schrijf een notitie...", editPlaceholder: "Pas uw notitie aan...", save: "Opslaan",
    cancel: "Annuleren", edit: "Wijzigen", delete: "Verwijderen", resolve: "Afhandelen", unresolve: "Weer openen",
    confirmDelete: "Weet u zeker dat u deze notitie wilt verwijderen?",
    shortcut: "Tip: met Ctrl+Enter voegt u de notitie snel toe."
  });
  put("editor.editorToolbar", {
    // A new, empty form has not been saved: say only what is true for it and for a saved item.
    changesSaved: "Geen nieuwe wijzigingen",
    unsavedChanges: "Nog niet opgeslagen",
    statusInfoTooltipDraft: "Dit item is een concept. Zet de status op 'Wordt beoordeeld' als het klaar is.",
    statusInfoTooltipInReview: "Dit item wordt beoordeeld. U kunt het intussen nog wijzigen."
  });
  put("editor.editorWidgets.markdown", { strikethrough: "Doorhalen" });
  put("editor.editorWidgets.markdown.toggleMode", { rich: "Naar opgemaakte tekst", markdown: "Naar Markdown" });
  put("editor.editorWidgets.image", {
    chooseMultiple: "Kies afbeeldingen", addMore: "Meer afbeeldingen toevoegen", removeAll: "Alle afbeeldingen weghalen"
  });
  put("editor.editorWidgets.file", {
    chooseMultiple: "Kies bestanden", addMore: "Meer bestanden toevoegen", removeAll: "Alle bestanden weghalen"
  });
  put("editor.editorWidgets.datetime", { setToNow: "%{fieldLabel} op nu zetten" });
  put("editor.editorWidgets.list", { addType: "%{item} toevoegen" });
  put("editor.editorWidgets.object", { expand: "Openklappen", collapse: "Dichtklappen" });
  put("mediaLibrary.mediaLibraryModal", {
    close: "Sluiten", mediaAssets: "Bestanden", noAssetsFound: "Hier staan nog geen bestanden.",
    upload: "Bestand uploaden", deleteSelected: "Gekozen bestand verwijderen", chooseSelected: "Kies dit bestand"
  });
  put("ui.settingsDropdown", { account: "Menu van uw account" });
  put("ui.toast", {
    onLoggedOut: "U bent uitgelogd. Bewaar wat u hebt ingevuld ergens anders en log dan opnieuw in.",
    noteAdded: "Notitie toegevoegd", onFailToAddNote: "De notitie is niet toegevoegd: %{details}",
    noteUpdated: "Notitie gewijzigd", onFailToUpdateNote: "De notitie is niet gewijzigd: %{details}",
    noteDeleted: "Notitie verwijderd", onFailToDeleteNote: "De notitie is niet verwijderd: %{details}",
    noteResolved: "Notitie afgehandeld", noteReopened: "Notitie weer geopend",
    onFailToToggleNote: "De notitie is niet bijgewerkt: %{details}"
  });
  // On this computer (make beheer) saving makes a git commit and publishes nothing: the buttons say so.
  if (local) {
    put("editor.editorToolbar", {
      publish: "Opslaan", publishing: "Opslaan...", publishNow: "Nu opslaan", published: "Opgeslagen",
      publishAndCreateNew: "Opslaan en nog een maken", publishAndDuplicate: "Opslaan en een kopie maken",
      deployButtonLabel: "Bekijk op de site"
    });
  }

  // --- Looks -----------------------------------------------------------------------------------

  var looks = new CSSStyleSheet();
  looks.replaceSync([
    // Errors under a field in ordinary letters: capitals are hard to read.
    "[class*='-ControlErrorsList'] { text-transform: none; }",
    // Decap's own "(optioneel)" after a label (see the top of this file).
    "label[class*='-FieldLabel'] > span { display: none; }",
    ".werkplaatsen-problemen { position: fixed; right: 16px; bottom: 16px; z-index: 1000; max-width: 40rem;" +
    " max-height: 40vh; overflow: auto; padding: 12px 16px; border: 2px solid #a4000f; border-radius: 5px;" +
    " background: #fff4f4; color: #1a1a1a; font: 14px/1.5 system-ui, sans-serif; }",
    ".werkplaatsen-problemen[hidden] { display: none; }",
    ".werkplaatsen-problemen h2 { margin: 0 0 4px; font-size: 16px; color: #a4000f; }",
    ".werkplaatsen-problemen ul { margin: 4px 0 0; padding-left: 20px; }",
    ".werkplaatsen-bestand__kies { margin-top: 8px; padding: 6px 12px; border: 1px solid currentColor;" +
    " border-radius: 5px; background: #fff; color: #313d3e; font: inherit; cursor: pointer; }"
  ].join("\n"));
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat(looks);

  // Decap gives a custom logo the text "Logo"; this one is the site's name.
  new MutationObserver(function () {
    document.querySelectorAll("img[alt='Logo']").forEach(function (logo) {
      logo.alt = script.dataset.logoText;
    });
  }).observe(document.documentElement, { childList: true, subtree: true });

  // --- The file picker -------------------------------------------------------------------------

  var IMAGE = /\.(png|jpe?g|webp)$/i;
  var listed = {};  // list URL -> promise of the file names, fetched once per page

  function filesAt(url) {
    listed[url] = listed[url] || fetch(url).then(function (response) {
      return response.ok ? response.json() : { bestanden: [] };
    }).then(function (found) { return found.bestanden; }, function () { return []; });
    return listed[url];
  }

  function folderOf(name) {
    return name.slice(0, name.lastIndexOf("/") + 1);
  }

  var FilePicker = window.createClass({
    getInitialState: function () { return { files: null, uploaded: null }; },

    // Decap's field asks this too, to know whether a file was chosen in the library: always look.
    shouldComponentUpdate: function () { return true; },

    componentDidMount: function () {
      var self = this, list = this.props.field.get("files_url");
      if (list) {
        filesAt(list).then(function (files) { if (!self.gone) self.setState({ files: files }); });
      }
    },

    componentWillUnmount: function () {
      this.gone = true;
      this.props.onRemoveMediaControl(this.props.forID);
    },

    // What the media library inserted for this field (Decap's file widget does the same).
    componentDidUpdate: function () {
      var inserted = this.props.mediaPaths.get(this.props.forID);
      if (inserted && inserted !== this.props.value) {
        this.setState({ uploaded: inserted });
        this.props.onChange(inserted);
      } else if (inserted) {
        this.props.onRemoveInsertedMedia(this.props.forID);
      }
    },

    openLibrary: function (event) {
      event.preventDefault();
      var props = this.props;
      props.onOpenMediaLibrary({
        controlID: props.forID, forImage: props.field.get("images_only"), privateUpload: false,
        value: props.value, allowMultiple: false, field: props.field
      });
    },

    options: function (value) {
      var images = this.props.field.get("images_only");
      var files = (this.state.files || []).filter(function (name) { return !images || IMAGE.test(name); });
      var groups = {};
      files.forEach(function (name) { (groups[folderOf(name)] = groups[folderOf(name)] || []).push(name); });
      var options = [h("option", { key: "", value: "" }, "Geen bestand gekozen")];
      if (value && files.indexOf(value) < 0) {
        var note = value === this.state.uploaded ? "nieuw" : "niet gevonden in content/bestanden/";
        options.push(h("option", { key: value, value: value }, value + " (" + note + ")"));
      }
      Object.keys(groups).sort().forEach(function (folder) {
        options.push(h("optgroup", { key: folder, label: "content/bestanden/" + folder },
          groups[folder].map(function (name) {
            return h("option", { key: name, value: name }, name.slice(folder.length));
          })));
      });
      return options;
    },

    render: function () {
      var props = this.props, value = props.value || "";
      var folder = props.field.get("public_folder");
      var choose = this.state.files === null
        ? h("input", { id: props.forID, className: props.classNameWrapper, type: "text", readOnly: true, value: value })
        : h("select", {
          id: props.forID, className: props.classNameWrapper, value: value,
          onChange: function (event) { props.onChange(event.target.value); },
          onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
        }, this.options(value));
      return h("div", null, choose,
        h("button", { type: "button", className: "werkplaatsen-bestand__kies", onClick: this.openLibrary },
          "Uploaden naar content/bestanden/" + (folder ? folder + "/" : "") + "..."));
    }
  });
  CMS.registerWidget("bestand", FilePicker);

  // --- The content's problems (make beheer) ---------------------------------------------------

  var panel = null, updates = -1;

  function showProblems(state) {
    updates = state.updates;
    if (!panel) {
      panel = document.createElement("section");
      panel.className = "werkplaatsen-problemen";
      panel.setAttribute("role", "status");
      panel.setAttribute("aria-label", "Problemen in de inhoud");
      document.body.appendChild(panel);
    }
    panel.hidden = state.problemen.length === 0;
    var heading = document.createElement("h2"), list = document.createElement("ul");
    heading.textContent = state.kop;
    state.problemen.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    var note = document.createElement("p");
    note.textContent = state.uitleg;
    panel.replaceChildren.apply(panel, state.problemen.length ? [heading, note, list] : []);
  }

  // Ask until an update that began after `after` has ended (or a minute has passed).
  function askProblems(after, until) {
    fetch(script.dataset.problems, { cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (state) showProblems(state);
      if ((!state || state.updates <= after || state.bezig) && Date.now() < until) {
        setTimeout(function () { askProblems(after, until); }, 500);
      }
    }, function () {
      if (Date.now() < until) setTimeout(function () { askProblems(after, until); }, 1000);
    });
  }

  // Before a save: how many updates the preview has made, so that the asking after it waits for the
  // update of this save. An update that runs now may have read the files before the save: it counts
  // as made, so the asking waits for the one after it. Nothing is asked before the first save: a
  // deployed editor opened on this computer (make hosting) has no preview behind it.
  function countUpdates() {
    return fetch(script.dataset.problems, { cache: "no-store" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (state) updates = state.updates + (state.bezig ? 1 : 0);
    }, function () {});
  }

  if (local) {
    CMS.registerEventListener({ name: "preSave", handler: function () { return countUpdates(); } });
    CMS.registerEventListener({
      name: "postSave",
      handler: function () { askProblems(updates, Date.now() + 60000); }
    });
  }

  // --- The preview pane ------------------------------------------------------------------------

  function text(props, field) {
    var name = field.get("name");
    var heading = name === "body" ? null : h("h2", { className: "utrecht-heading-2" }, field.get("preview_heading"));
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

  CMS.registerPreviewStyle(script.dataset.stylesheet);
  script.dataset.collections.split(" ").forEach(function (name) {
    CMS.registerPreviewTemplate(name, Preview);
  });
})();
