package io.basalt.datasets.shop;

/**
 * One order as the generator plans it: who placed it and when, its lines, its amounts in cents, and the
 * statuses it went through with their days. The orders, order_items and order_status_history tables all
 * write from this plan, so they agree (an order's subtotal is the sum of its lines).
 */
record OrderFacts(long id, UserFacts user, int createdDay, long[] productIds, long[] variantIds, int[] quantities,
                  long[] unitPriceCents, long subtotalCents, long discountCents, long shippingCents, long taxCents,
                  String[] statusPath, int[] statusDays, String notes) {
    int lineCount() {
        return productIds.length;
    }

    String status() {
        return statusPath[statusPath.length - 1];
    }

    long totalCents() {
        return subtotalCents - discountCents + shippingCents + taxCents;
    }

    String orderNumber() {
        return "ORD-" + String.format("%08d", id);
    }
}
