package seckill.sale;

/** The sale's keys are not usable as they are: missing, or of the wrong type. The message names the key. */
public class SaleKeyException extends RuntimeException {
    public SaleKeyException(String message) {
        super(message);
    }
}
