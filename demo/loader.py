def load_demo(home, stdout):
    """Placeholder until the demo content lands."""
    stdout.write("Demo content: not written yet.")
