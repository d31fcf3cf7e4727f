package dev.lazarus.sample.spring;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An order the stock cannot serve: answered 409, and nothing changes. */
@ResponseStatus(HttpStatus.CONFLICT)
public class OutOfStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutOfStockException(String sku, long available, long wanted) {
        super(wanted + " of " + sku + " wanted, " + available + " in stock");
    }
}
