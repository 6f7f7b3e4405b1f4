//! The bodies a printed department names: 区住建局、区人防办（区民防局） is three, 区住建局,
//! 区人防办 and 区民防局. Short names and full names are made a body at a time, and the
//! search highlights a full name's body in the printed department.

use std::ops::Range;

/// What separates the bodies of a printed department.
const SEPARATORS: [char; 7] = ['、', '，', ',', '（', '）', '(', ')'];

/// Each body of `department`, with its byte range there, in printed order.
pub fn bodies(department: &str) -> Vec<(Range<usize>, &str)> {
    department
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| {
            // Where the piece lies in the department (a subslice of it).
            let at = b.as_ptr() as usize - department.as_ptr() as usize;
            (at..at + b.len(), b)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_in_printed_order_with_their_places() {
        let printed = "区住建局、区人防办（区民防局）";
        let found = bodies(printed);
        let names: Vec<&str> = found.iter().map(|(_, b)| *b).collect();
        assert_eq!(names, ["区住建局", "区人防办", "区民防局"]);
        assert!(found.iter().all(|(r, b)| &printed[r.clone()] == *b));
        assert_eq!(bodies("区残联").len(), 1);
        assert!(bodies("").is_empty() && bodies("（）").is_empty());
    }
}
