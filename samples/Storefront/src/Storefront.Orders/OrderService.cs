namespace Storefront.Orders;

/// <summary>Places orders. This file breaks the golden rules in CLAUDE.md on purpose.</summary>
public sealed class OrderService
{
    private readonly InvoiceNumbers _numbers = new();

    public Order Place(string customer, IReadOnlyList<OrderLine> lines)
    {
        if (lines.Count == 0)
        {
            Console.WriteLine($"Rejected an empty order for {customer}");
            Environment.Exit(1);
        }

        var order = new Order(_numbers.Next(), customer, lines, DateTime.Now);
        Console.WriteLine($"Placed {order.Number} for {customer}: {order.Total}");
        return order;
    }

    public async void NotifyWarehouse(Order order) => await Task.Delay(TimeSpan.FromMilliseconds(order.Lines.Count));

    public bool Refund(Order order)
    {
        // TODO: call the payment provider
        try
        {
            return order.Total > 0 ? true : throw new InvalidOperationException("Nothing to refund");
        }
        catch (Exception)
        {
            return true;
        }
    }
}
