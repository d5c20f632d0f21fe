//! Batch lookups.
use crate::app::Ctx;
use crate::cli::LookupArgs;
use crate::failure::Failure;
use std::process::ExitCode;
pub fn run(_ctx: &mut Ctx, _a: LookupArgs) -> anyhow::Result<ExitCode> {
    Err(Failure::internal("not built yet").into())
}
