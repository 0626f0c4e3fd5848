"""Every load starts from fresh templates (generator.generate_context); the compiled code of each
template is kept in memory by its text, so a template whose text did not change is not compiled again."""

from pelican.settings import read_settings

from werkplaatsen.build.generator import WerkplaatsenGenerator
from werkplaatsen.system.places import ROOT


def test_a_fresh_load_compiles_only_the_templates_whose_text_changed(tmp_path, monkeypatch):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    template = theme / "templates" / "pagina.html"
    template.write_text("eerst", encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"THEME": str(theme),
                                                                     "OUTPUT_PATH": str(tmp_path / "output")})
    generator = WerkplaatsenGenerator.for_settings(settings)
    compiled = []
    compile_ = generator.env.compile
    monkeypatch.setattr(generator.env, "compile", lambda source, *args, **kwargs: compiled.append(source)
                        or compile_(source, *args, **kwargs))
    assert generator.get_template("pagina").render() == "eerst" and compiled == ["eerst"]
    generator.env.cache.clear()  # what every load does
    assert generator.get_template("pagina").render() == "eerst" and compiled == ["eerst"]
    template.write_text("daarna", encoding="utf-8")
    generator.env.cache.clear()
    assert generator.get_template("pagina").render() == "daarna" and compiled == ["eerst", "daarna"]
