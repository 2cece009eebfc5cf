"""The command that prints the forward plan: the coming meetings with their
planned items, papers expected and suggestions, and the items not yet placed."""

from . import open_existing, pdf_command, say, the_body, write_pdf


def add_commands(sub) -> None:
    cmd = pdf_command(sub, "forward-plan", "print the forward plan of coming meetings and "
                      "items not yet placed to PDF", run_forward_plan)
    cmd.add_argument("--from", dest="start", metavar="DATE",
                     help="plan the meetings from this day (today when left out)")


def run_forward_plan(args) -> int:
    from ..documents import forward_plan_pdf

    with open_existing(args.path) as tf:
        doc = forward_plan_pdf.build(tf, the_body(tf, args.body), args.start)
    write_pdf(args.output, forward_plan_pdf, doc)
    say(f"Wrote the forward plan ({len(doc.meetings)} meeting(s), {len(doc.waiting)} item(s) "
        f"not yet placed) to {args.output}")
    return 0
