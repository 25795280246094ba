"""Starting the naas binary and talking to it the way a client would."""
