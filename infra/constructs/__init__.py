"""CDK constructs, one per concern; the stacks in ``infra/stacks`` compose them."""
