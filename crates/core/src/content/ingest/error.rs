//! The one error type of ingest: which file, which line, and what is wrong.

use std::fmt;

/// Why a source file could not be turned into a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The file holds no text at all.
    Empty,
    /// The bytes are neither UTF-8 nor GB18030; `byte` is the offset of the first bad byte.
    InvalidUtf8 { byte: usize },
    /// The page does not open with its header: the campaign title, then the page title
    /// ending in its number, e.g. "……交流会（三）".
    MissingHeader { found: String },
    /// Text that no signature line closes (every article ends with one).
    NoSignature,
    /// A signature line (department and posts) with no name after them.
    SignatureWithoutName { line: String },
    /// A signature with no article text before it.
    EmptyArticle { signature: String },
    /// The same article text appears twice on the page.
    DuplicateArticle { first_line: usize },
    /// A control character (other than a tab) inside a line: never text, and the content
    /// check (`Page::check`) refuses it anywhere.
    ControlCharacter { ch: char },
}

/// An ingest failure, located in the source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    /// The source file as the caller named it.
    pub file: String,
    /// 1-based line number in the source file.
    pub line: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Empty => write!(f, "the file is empty"),
            ErrorKind::InvalidUtf8 { byte } => write!(f, "neither UTF-8 nor GB18030 (first bad byte at offset {byte}); save the file as UTF-8"),
            ErrorKind::MissingHeader { found } => write!(
                f,
                "expected the page header (the campaign title, then the page title ending in its number such as （三）), found {found:?}"
            ),
            ErrorKind::NoSignature => write!(
                f,
                "this text is not closed by a signature line (department and posts, a space, the author's name)"
            ),
            ErrorKind::SignatureWithoutName { line } => {
                write!(f, "signature line {line:?} has no author name: expected a space and the name after the posts")
            }
            ErrorKind::EmptyArticle { signature } => write!(f, "signature {signature:?} has no article text before it"),
            ErrorKind::DuplicateArticle { first_line } => {
                write!(f, "this article repeats the article that starts on line {first_line}")
            }
            ErrorKind::ControlCharacter { ch } => {
                write!(f, "the control character U+{:04X} is not text; remove it", u32::from(*ch))
            }
        }
    }
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.kind)
    }
}

impl std::error::Error for IngestError {}
