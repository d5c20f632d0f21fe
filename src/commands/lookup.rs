//! `konnect lookup`: who the customer is, what they have, what they owe, what they can buy.

use std::process::ExitCode;

use crate::cli::LookupArgs;
use crate::context::Ctx;
use crate::failure::Failure;
use crate::render;

pub fn run(ctx: &mut Ctx, args: LookupArgs) -> anyhow::Result<ExitCode> {
    if args.users_from.is_some() {
        return crate::commands::batch::run(ctx, args);
    }
    let isp = ctx.isp_arg(args.isp.as_ref())?;
    let user = ctx.user_arg(args.user.as_deref())?;
    let client = ctx.client()?;
    let reference = crate::reference::new();
    let details = ctx
        .ui
        .spin(&crate::t!("spin-looking-up", user = user, isp = isp.name), || {
            client.details(isp.slug, &user, &reference)
        })
        .map_err(Failure::from)?;
    if ctx.ui.json {
        ctx.print_json(&render::lookup_json(isp, &user, &details));
    } else {
        print!(
            "{}",
            render::lookup_human(isp, &details, crate::clock::today(), crate::ui::columns())
        );
    }
    Ok(ExitCode::SUCCESS)
}
