//! The scripts the build inlines into every page (`src/web/boot.js`, `src/web/panic.js`),
//! minified by oxc, the minifier minify-html (and so Trunk) uses: comments and spaces go,
//! local names shorten, what the script does stays. Native only, part of the build.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// `js`, a classic script (top-level names are left alone: they are the page's globals),
/// minified. A script that does not parse fails the build, named `name` with the first error.
pub fn minify_js(name: &str, js: &str) -> Result<String, String> {
    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, SourceType::cjs()).parse();
    if let Some(error) = parsed.errors.first() {
        return Err(format!("{name}: {error}"));
    }
    let mut program = parsed.program;
    let options = MinifierOptions { mangle: Some(MangleOptions::default()), compress: Some(CompressOptions::safest()) };
    let minified = Minifier::new(options).minify(&allocator, &mut program);
    let codegen = Codegen::new().with_options(CodegenOptions::minify()).with_scoping(minified.scoping);
    Ok(codegen.build(&program).code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_spaces_go_strings_and_patterns_stay() {
        let js = "/*\n * About.\n */\n(function () {\n  // why\n  var route = /^#\\/a\\//; // a pattern with slashes\n  var text = `first line\n// not a comment: inside a template\n`;\n  window.kept = [route.test('#/a/1'), text, '/* nor this */'];\n})();\n";
        let out = minify_js("test.js", js).unwrap();
        assert!(!out.contains("About") && !out.contains("why") && !out.contains("slashes"), "{out}");
        assert!(out.contains("// not a comment: inside a template"), "{out}");
        assert!(out.contains("/* nor this */"), "a string is kept as it is: {out}");
        assert!(out.contains("#\\/a\\/"), "{out}");
        assert!(out.contains("window.kept"), "globals keep their names: {out}");
        assert!(out.len() < js.len() / 2 + 60, "{} of {}: {out}", out.len(), js.len());
    }

    #[test]
    fn the_inlined_scripts_minify() {
        for (name, js) in [("boot.js", include_str!("web/boot.js")), ("panic.js", include_str!("web/panic.js"))] {
            let out = minify_js(name, js).unwrap();
            assert!(out.len() * 2 < js.len(), "{name}: {} of {} bytes", out.len(), js.len());
            assert!(!out.contains("/*") && !out.contains("Gongshu"), "{name}: no comment kept");
        }
    }

    #[test]
    fn a_script_that_does_not_parse_is_named() {
        let error = minify_js("boot.js", "(function () { var = 1; })();").unwrap_err();
        assert!(error.starts_with("boot.js: "), "{error}");
    }
}
