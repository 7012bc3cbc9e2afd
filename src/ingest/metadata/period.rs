//! The days an ISO date of any precision stands for: `2017` is 2017-01-01 to 2017-12-31,
//! `2017-05` all of May, `2017-05-26` that day.
//!
//! A document's date is kept at the precision it was written with (see `dates`), and a date
//! filter (`--since 2021`, `--until 2021-06`) is given the same way; both become a
//! [`DatePeriod`] of two day numbers, `yyyymmdd` as integers, which sort like the days. The
//! index stores a document's first and last day, so that a filter keeps every document whose
//! period overlaps its own.

use std::fmt;

/// The first and last day of a date, each as `yyyymmdd` (2017-05-26 is 20170526).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatePeriod {
    pub first: u32,
    pub last: u32,
}

/// Why a text is no date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotADate(String);

impl fmt::Display for NotADate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is no date (YYYY, YYYY-MM or YYYY-MM-DD)", self.0)
    }
}

impl std::error::Error for NotADate {}

impl DatePeriod {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a real day: no 2021-02-30).
    pub fn parse(text: &str) -> Result<DatePeriod, NotADate> {
        let not_a_date = || NotADate(text.to_string());
        let parts: Vec<&str> = text.trim().split('-').collect();
        let number = |part: &str, digits: usize| -> Option<u32> {
            (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok())?
        };
        let year = parts.first().and_then(|p| number(p, 4)).ok_or_else(not_a_date)?;
        match parts[1..] {
            [] => Ok(DatePeriod { first: day(year, 1, 1), last: day(year, 12, 31) }),
            [month] => {
                let month = number(month, 2).filter(|m| (1..=12).contains(m)).ok_or_else(not_a_date)?;
                Ok(DatePeriod {
                    first: day(year, month, 1),
                    last: day(year, month, days_in_month(year, month)),
                })
            }
            [month, d] => {
                let month = number(month, 2).filter(|m| (1..=12).contains(m)).ok_or_else(not_a_date)?;
                let d = number(d, 2)
                    .filter(|d| (1..=days_in_month(year, month)).contains(d))
                    .ok_or_else(not_a_date)?;
                Ok(DatePeriod { first: day(year, month, d), last: day(year, month, d) })
            }
            _ => Err(not_a_date()),
        }
    }

    /// The year of the period's first day.
    pub fn year(&self) -> u32 {
        self.first / 10_000
    }
}

/// The year of a `yyyymmdd` day number.
pub fn year_of_day(day: u32) -> u32 {
    day / 10_000
}

fn day(year: u32, month: u32, day: u32) -> u32 {
    year * 10_000 + month * 100 + day
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
// Day numbers are written yyyy_mm_dd.
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;

    #[test]
    fn each_precision_stands_for_its_days() {
        let cases = [
            ("2017", 2017_01_01, 2017_12_31),
            ("2017-05", 2017_05_01, 2017_05_31),
            ("2024-02", 2024_02_01, 2024_02_29),
            ("2023-02", 2023_02_01, 2023_02_28),
            ("1900-02", 1900_02_01, 1900_02_28),
            ("2000-02", 2000_02_01, 2000_02_29),
            ("2017-05-26", 2017_05_26, 2017_05_26),
            (" 2021-06-30 ", 2021_06_30, 2021_06_30),
        ];
        for (text, first, last) in cases {
            assert_eq!(DatePeriod::parse(text), Ok(DatePeriod { first, last }), "{text}");
        }
    }

    #[test]
    fn anything_else_is_no_date() {
        for text in
            ["", "17", "2017-5", "2017-13", "2017-00", "2021-02-30", "2017-05-26-1", "2017/05", "zwei"]
        {
            let error = DatePeriod::parse(text).expect_err(text);
            assert!(error.to_string().contains("YYYY-MM-DD"), "{text}: {error}");
        }
    }

    #[test]
    fn day_numbers_sort_like_days() {
        let may = DatePeriod::parse("2017-05").unwrap();
        let june_first = DatePeriod::parse("2017-06-01").unwrap();
        assert!(may.last < june_first.first);
        assert_eq!(may.year(), 2017);
        assert_eq!(year_of_day(june_first.last), 2017);
    }
}
