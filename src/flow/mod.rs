//! The use cases, one module each. They return exit codes or [`crate::failure::Failure`]s.

pub mod batch;
pub mod books;
pub mod config;
pub mod lookup;
pub mod meta;
pub mod pay;
pub mod status;

#[cfg(test)]
mod output_safety;
