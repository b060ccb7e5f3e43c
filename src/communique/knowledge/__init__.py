"""World knowledge for the actor layer: countries, role nouns and known actors."""
