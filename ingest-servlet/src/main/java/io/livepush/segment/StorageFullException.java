package io.livepush.segment;

import java.io.IOException;

/** The storage ran out of space during an upload; nothing was published and the temporary file is gone. */
public class StorageFullException extends IOException {

    private static final long serialVersionUID = 1L;

    public StorageFullException(IOException cause) {
        super("The storage is full", cause);
    }
}
