//! The page's data, once the browser's `JSON.parse` has parsed it, read into the model: a
//! field at a time, by the names serde gives the fields (the build writes the JSON with
//! serde, `reader_core::content::bundle`). Not a parser, and lighter in the WASM than serde's
//! derived visitors. A browser test reads the same JSON
//! with serde too and compares, so the two cannot drift apart. Every error names where it
//! is (`pages.articles.lead: not a list`).

use js_sys::{Array, Float64Array, Reflect};
use wasm_bindgen::JsValue;

use reader_core::content::bundle::{Bundle, Names, SearchIndex, Series};
use reader_core::content::model::{Insight, List, Related, Text};
use reader_core::content::{Article, Byline, Page, Section};
use reader_core::search::tables::SearchTables;

type Read<T> = Result<T, String>;

/// A value of the data read into the model.
pub trait FromJs: Sized {
    /// `value` as `Self`, or what is wrong with it.
    fn from_js(value: JsValue) -> Read<Self>;
}

/// The bundle in `value`.
pub fn bundle(value: JsValue) -> Read<Bundle> {
    Bundle::from_js(value).map_err(|e| e.trim_start_matches('.').to_owned())
}

/// The fields of an object, read one by one. A field that does not read leaves a default
/// in its place and its error for `made`: no early return, so no clean-up path for every
/// field read before it (which, a field at a time, weighed kilobytes in the WASM).
struct Fields {
    value: JsValue,
    error: Option<String>,
}

impl Fields {
    fn of(value: JsValue) -> Self {
        let error = (!value.is_object() || Array::is_array(&value)).then(|| ": not an object".to_owned());
        Fields { value, error }
    }

    #[inline(never)]
    fn raw(&self, name: &str) -> JsValue {
        Reflect::get(&self.value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// Whether the field `name` is not there at all.
    fn absent(&self, name: &str) -> bool {
        self.raw(name).is_undefined()
    }

    fn fail(&mut self, name: &str, e: String) {
        if self.error.is_none() {
            self.error = Some(format!(".{name}{e}"));
        }
    }

    /// The field `name`. Not inlined: one copy a type, not one a field.
    #[inline(never)]
    fn get<T: FromJs + Default>(&mut self, name: &str) -> T {
        if self.error.is_some() {
            return T::default();
        }
        T::from_js(self.raw(name)).unwrap_or_else(|e| {
            self.fail(name, e);
            T::default()
        })
    }

    /// A field that holds whole numbers from 0 to `max`, copied across at once (what is
    /// not a number becomes NaN there, and is refused here).
    fn numbers(&mut self, name: &str, max: u16) -> Vec<u16> {
        self.whole(name, max.into()).into_iter().map(|n| n as u16).collect()
    }

    /// A field that holds counts (whole numbers from 0 to `u32::MAX`).
    fn counts(&mut self, name: &str) -> Vec<u32> {
        self.whole(name, u32::MAX).into_iter().map(|n| n as u32).collect()
    }

    #[inline(never)]
    fn whole(&mut self, name: &str, max: u32) -> Vec<f64> {
        let found = self.raw(name);
        let copied = Array::is_array(&found).then(|| Float64Array::new(&found).to_vec());
        let fits = |n: &f64| n.fract() == 0.0 && (0.0..=f64::from(max)).contains(n);
        match copied {
            Some(all) if all.iter().all(fits) => all,
            _ => {
                self.fail(name, format!(": not a list of whole numbers up to {max}"));
                Vec::new()
            }
        }
    }

    /// A field that holds whole numbers from 0 to 255.
    fn bytes(&mut self, name: &str) -> Vec<u8> {
        self.numbers(name, 255).into_iter().map(|n| n as u8).collect()
    }

    /// What was read, or the first error.
    fn made<T>(self, made: T) -> Read<T> {
        self.error.map_or(Ok(made), Err)
    }
}

// Text and lists are read once for the page's life and kept for good: leaked, and
// borrowed `'static`, so copies of an article and the views' text values
// (`AttrValue::Static`) cost nothing, as when the content was compiled in.

impl FromJs for Text {
    fn from_js(value: JsValue) -> Read<Self> {
        let text = value.as_string().ok_or_else(|| ": not text".to_owned())?;
        Ok(Text::Borrowed(Box::leak(text.into_boxed_str())))
    }
}

impl FromJs for String {
    fn from_js(value: JsValue) -> Read<Self> {
        value.as_string().ok_or_else(|| ": not text".to_owned())
    }
}

impl FromJs for usize {
    fn from_js(value: JsValue) -> Read<Self> {
        match value.as_f64() {
            Some(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as usize),
            _ => Err(": not a count".to_owned()),
        }
    }
}

impl FromJs for u32 {
    fn from_js(value: JsValue) -> Read<Self> {
        usize::from_js(value).map(|n| n as u32)
    }
}

impl<T: FromJs> FromJs for Option<T> {
    fn from_js(value: JsValue) -> Read<Self> {
        if value.is_undefined() || value.is_null() {
            Ok(None)
        } else {
            T::from_js(value).map(Some)
        }
    }
}

impl<T: FromJs> FromJs for Vec<T> {
    fn from_js(value: JsValue) -> Read<Self> {
        if !Array::is_array(&value) {
            return Err(": not a list".to_owned());
        }
        Array::from(&value).iter().map(T::from_js).collect()
    }
}

impl<T: FromJs + Clone> FromJs for List<T> {
    fn from_js(value: JsValue) -> Read<Self> {
        Vec::from_js(value).map(|v| List::Borrowed(Box::leak(v.into_boxed_slice())))
    }
}

impl FromJs for Bundle {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Bundle {
            pages: f.get("pages"),
            names: f.get("names"),
            insights: f.get("insights"),
            bylines: f.get("bylines"),
            tables: f.get("tables"),
            series: f.get("series"),
            index: f.get("index"),
        };
        f.made(made)
    }
}

impl FromJs for SearchIndex {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = SearchIndex {
            dir: f.get("dir"),
            buckets: f.get("buckets"),
            articles: f.get("articles"),
            lengths: f.numbers("lengths", u16::MAX),
            // Not written while empty.
            departments: if f.absent("departments") { Default::default() } else { f.get("departments") },
            statements: if f.absent("statements") { Vec::new() } else { f.counts("statements") },
        };
        f.made(made)
    }
}

impl FromJs for Page {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Page {
            campaign: f.get("campaign"),
            title: f.get("title"),
            number: f.get("number"),
            source: f.get("source"),
            articles: f.get("articles"),
        };
        f.made(made)
    }
}

impl FromJs for Article {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Article {
            id: f.get("id"),
            department: f.get("department"),
            department_short: f.get("department_short"),
            // Derived, not stored: given back from the bundle's names (`Bundle::into_parts`).
            short_names: List::Borrowed(&[]),
            full_names: Text::Borrowed(""),
            addresses: Text::Borrowed(""),
            author: f.get("author"),
            posts: f.get("posts"),
            editor_title: f.get("editor_title"),
            lead: f.get("lead"),
            sections: f.get("sections"),
            signature: f.get("signature"),
            chars: f.get("chars"),
            reading_minutes: f.get("reading_minutes"),
            source_line: f.get("source_line"),
        };
        f.made(made)
    }
}

impl FromJs for Section {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Section { heading: f.get("heading"), paragraphs: f.get("paragraphs") };
        f.made(made)
    }
}

impl FromJs for Names {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Names { short: f.get("short"), full: f.get("full"), addresses: f.get("addresses") };
        f.made(made)
    }
}

impl FromJs for Insight {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Insight { id: f.get("id"), keywords: f.get("keywords"), related: f.get("related") };
        f.made(made)
    }
}

impl FromJs for Related {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Related { id: f.get("id"), shared: f.get("shared") };
        f.made(made)
    }
}

impl FromJs for Byline {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Byline { id: f.get("id"), department_short: f.get("department_short"), author: f.get("author") };
        f.made(made)
    }
}

impl FromJs for Series {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = Series {
            data: f.get("data"),
            number_steps: f.counts("number_steps"),
            numerals: f.get("numerals"),
            articles: f.counts("articles"),
        };
        f.made(made)
    }
}

impl FromJs for SearchTables {
    fn from_js(v: JsValue) -> Read<Self> {
        let mut f = Fields::of(v);
        let made = SearchTables {
            pinyin_char_steps: f.bytes("pinyin_char_steps"),
            pinyin_text: f.get("pinyin_text"),
            sounds_text: f.get("sounds_text"),
            t2s_from_steps: f.bytes("t2s_from_steps"),
            t2s_to: f.numbers("t2s_to", u16::MAX),
        };
        f.made(made)
    }
}
